using System.Runtime.InteropServices;

namespace Import.Sdk.Cli.Tests.Support;

/// <summary>The few POSIX calls the tests need to build odd files (hard links, named pipes) and to send signals.</summary>
internal static partial class Posix
{
    public const int SIGTERM = 15;

    public static void HardLink(string existing, string link) => Check(NativeLink(existing, link), "link");

    public static void MakeFifo(string path) => Check(NativeMkfifo(path, Convert.ToInt32("644", 8)), "mkfifo");

    public static void Signal(int pid, int signal) => Check(NativeKill(pid, signal), "kill");

    private static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new IOException($"{call} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int NativeLink(string existing, string link);

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int NativeMkfifo(string path, int mode);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int NativeKill(int pid, int signal);
}
