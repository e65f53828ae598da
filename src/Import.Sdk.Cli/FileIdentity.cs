using System.Runtime.InteropServices;
using System.Text;

namespace Import.Sdk.Cli;

/// <summary>
/// What a path names on disk: its kind (regular file, folder, or something else: a pipe, a socket, a device), its identity (device
/// and inode, so that two names of one file — a symbolic link, a hard link, another spelling, another letter case on a
/// case-insensitive file system — are found to be one) and its real path (symbolic links resolved in every component).
/// </summary>
/// <remarks>
/// On Linux the kind and identity come from <c>statx(2)</c>, whose structure has one layout on every architecture. Elsewhere
/// (or when <c>statx</c> is missing) only the managed view is available: folders are told from files, but a pipe or a device is
/// not told from a regular file, and two names of one file are compared by real path only (a hard link is not recognised;
/// letter case is ignored on Windows and macOS, whose file systems usually ignore it).
/// </remarks>
internal static class FileIdentity
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int DirectoryType = 0x4000;
    private const int MaxLinks = 40;

    /// <summary>The kind of what a path names.</summary>
    public enum Kind
    {
        /// <summary>Nothing: the path does not exist.</summary>
        Missing,

        /// <summary>A regular file.</summary>
        File,

        /// <summary>A folder.</summary>
        Directory,

        /// <summary>Something that is neither: a named pipe (FIFO), a socket, a device.</summary>
        Other,
    }

    /// <summary>The kind of what <paramref name="path"/> names, following symbolic links.</summary>
    public static Kind KindOf(string path)
    {
        if (TryStat(path, out var mode, out _))
        {
            return (mode & FileTypeMask) switch
            {
                RegularFile => Kind.File,
                DirectoryType => Kind.Directory,
                _ => Kind.Other,
            };
        }

        return Directory.Exists(path) ? Kind.Directory : File.Exists(path) ? Kind.File : Kind.Missing;
    }

    /// <summary>Whether two paths name the same file: same device and inode when both exist (Linux), else the same real path.</summary>
    public static bool SameFile(string a, string b)
    {
        if (TryStat(a, out _, out var idA) && TryStat(b, out _, out var idB))
        {
            return idA == idB;
        }

        return string.Equals(RealPath(a), RealPath(b), PathComparison);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or inside it (real paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        var real = RealPath(path);
        var root = RealPath(folder);
        return string.Equals(real, root, PathComparison)
            || real.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, PathComparison);
    }

    /// <summary>How paths compare when the file system cannot be asked: case-insensitive on Windows and macOS.</summary>
    public static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// The absolute path with every symbolic link resolved, component by component (<c>..</c> after a link goes up from the
    /// link's target, as the system does). Components that do not exist are kept as written.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.IsPathFullyQualified(path) ? path : Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new Stack<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            string? target = null;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // unreadable: kept as written
            }

            if (target is null || ++links > MaxLinks)
            {
                current = next;
                continue;
            }

            // Resolve the link's target from the folder holding the link, then go on with what is left.
            var resolved = Path.IsPathFullyQualified(target) ? target : Path.Combine(current, target);
            var rootOfTarget = Path.GetPathRoot(resolved) ?? string.Empty;
            foreach (var p in resolved[rootOfTarget.Length..].Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(p);
            }

            current = rootOfTarget;
        }

        return current;
    }

    /// <summary>The type and permission bits, device and inode of a path (links followed), on Linux; false elsewhere or when it does not exist.</summary>
    private static bool TryStat(string path, out int mode, out (ulong Device, ulong Inode) identity)
    {
        mode = 0;
        identity = default;
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var buffer = new byte[StatxSize];
        int result;
        try
        {
            result = Statx(AtFdCwd, Encoding.UTF8.GetBytes(path + "\0"), 0, StatxBasicStats, buffer);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }

        if (result != 0)
        {
            return false;
        }

        // struct statx: stx_mode (u16) at 28, stx_ino (u64) at 32, stx_dev_major/minor (u32) at 136/140.
        mode = MemoryMarshal.Read<ushort>(buffer.AsSpan(28));
        var inode = MemoryMarshal.Read<ulong>(buffer.AsSpan(32));
        var device = ((ulong)MemoryMarshal.Read<uint>(buffer.AsSpan(136)) << 32) | MemoryMarshal.Read<uint>(buffer.AsSpan(140));
        identity = (device, inode);
        return true;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirfd, byte[] pathname, int flags, uint mask, [Out] byte[] buffer);
}
