using Import.Sdk.Readers;

namespace Import.Sdk;

/// <summary>Chooses the reader of a file by its content, the registered formats first and CSV last.</summary>
internal sealed class ReaderRegistry(IReadOnlyList<ITabularReaderProvider> providers)
{
    public IReadOnlyList<ITabularReaderProvider> Providers { get; } = providers;

    public async ValueTask<ITabularReader> OpenAsync(ImportSource source, ReaderOptions options, CancellationToken cancellationToken)
    {
        if (source.Reader is { } own)
        {
            return await own(options, cancellationToken).ConfigureAwait(false);
        }

        var stream = await source.OpenAsync(options.UiCulture, cancellationToken).ConfigureAwait(false);
        try
        {
            var head = new byte[1 << 16];
            int length;
            if (stream.CanSeek)
            {
                var start = stream.Position;
                length = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                stream.Position = start;
            }
            else
            {
                length = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                stream = new PrefixedStream(head, length, stream);
            }

            if (length == 0)
            {
                throw new MalformedFileException(Resources.Messages.Format(options.UiCulture, Resources.Messages.EmptyFile));
            }

            var span = head.AsSpan(0, length);
            foreach (var provider in Providers)
            {
                if (provider.CanRead(span, source.Name))
                {
                    return await provider.OpenAsync(stream, source.Length, options, cancellationToken).ConfigureAwait(false);
                }
            }

            var fr = options.UiCulture.TwoLetterISOLanguageName == "fr";
            var what = FileSignatures.IsZip(span) ? (fr ? "une archive ZIP (un classeur XLSX/XLSB ou un fichier Apple Numbers)" : "a ZIP container (an XLSX/XLSB workbook or an Apple Numbers file)")
                : FileSignatures.IsOle2(span) ? (fr ? "un conteneur OLE2 (un classeur XLS ou un classeur chiffré)" : "an OLE2 container (an XLS workbook or an encrypted workbook)")
                : (fr ? "dans un format inconnu" : "in an unknown format");
            throw new MalformedFileException(Resources.Messages.Format(options.UiCulture, Resources.Messages.UnreadableContainer, what));
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
