using Import.Sdk.Commerce.Identifiers;

namespace Import.Sdk.Commerce.SalesDocuments;

/// <summary>
/// Sales documents as one XML file, the documents with their lines nested (seed 001: "si les pièces sont importées au format XML, un
/// seul fichier suffit"), imported exactly as the pair of CSV files: the request this class makes reads the file twice, streaming,
/// once as the header file (the documents) and once as the lines file, so the same mapping, rules and report apply.
/// </summary>
/// <remarks>
/// <para>The schema: a root <c>&lt;documents&gt;</c>; in it <c>&lt;document&gt;</c> elements, each with its fields as attributes
/// named as the fields (<c>ident</c>, <c>customer_code</c>, <c>type</c>, <c>date</c>, <c>reference</c>, and a host's own fields; not the totals, which are computed);
/// in each, <c>&lt;line&gt;</c> elements with the lines' fields as attributes (<c>line</c>, <c>article_code</c>,
/// <c>description</c>, <c>quantity</c>, <c>unit_price</c>, <c>vat_rate</c>), their document being the one they are in (no
/// <c>header_ident</c> attribute). Values are text as in a CSV cell; write numbers with a decimal point and no grouping
/// (<c>10.5</c>) and dates as <c>yyyy-MM-dd</c>, which read the same whatever the import's culture. An unknown attribute rejects its
/// row (<c>invalid_format</c>, naming it); any other element, text outside the attributes, a DTD or a file that is not well-formed stops the
/// import (<c>malformed_file</c>, naming the XML line and position). No DTD is processed and no external resource is resolved; a
/// tag, text, comment or CDATA section longer than <see cref="ReaderOptions.MaxRecordBytes"/> (4 MiB by default) is refused.</para>
/// <para>Row numbers are positions: the n-th <c>&lt;document&gt;</c> is row n + 1 of the documents' section, the n-th
/// <c>&lt;line&gt;</c> of the file row n + 1 of the lines' section — the rows of the CSV pair holding the same documents in the
/// same order, so both forms give the same report.</para>
/// </remarks>
public static class SalesDocumentsXml
{
    /// <summary>Tells whether a file looks like a sales documents XML file: its first non-blank character (after a byte order mark) is <c>&lt;</c>.</summary>
    /// <param name="head">The first bytes of the file.</param>
    /// <returns><see langword="true"/> for an XML file.</returns>
    public static bool IsXml(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return head.Length > 2 && (head[2] == '<' || (head.Length > 3 && head[3] == '<'));
        }

        var start = head.IndexOfAnyExcept((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        return start >= 0 && head[start] == '<';
    }

    /// <summary>A request importing the sales documents of an XML file: its documents as the header file, its lines as the lines file.</summary>
    /// <param name="path">The XML file.</param>
    /// <param name="entity">The sales documents entity (the header, with its lines); <see langword="null"/> for <see cref="CommerceEntities.SalesDocuments"/>. Its fields name the attributes.</param>
    /// <returns>The request (<see cref="ImportRequest.Source"/> the documents, <see cref="ImportRequest.Lines"/> the lines), to which a mode or profiles may be added.</returns>
    /// <exception cref="ArgumentException"><paramref name="entity"/> has no lines.</exception>
    public static ImportRequest FromFile(string path, ImportEntity? entity = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new FileInfo(path);
        return Request(info.Name, info.Exists ? info.Length : null, entity, ui =>
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new MalformedFileException(IdentifierValidator.IsFrench(ui) ? $"Le fichier « {path} » ne peut pas être ouvert : {ex.Message}" : $"The file '{path}' cannot be opened: {ex.Message}", ex);
            }
        });
    }

    /// <summary>A request importing the sales documents of an XML file held in memory (see <see cref="FromFile"/>).</summary>
    /// <param name="content">The XML file.</param>
    /// <param name="name">The file name shown in the report.</param>
    /// <param name="entity">The sales documents entity; <see langword="null"/> for <see cref="CommerceEntities.SalesDocuments"/>.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException"><paramref name="entity"/> has no lines.</exception>
    public static ImportRequest FromBytes(byte[] content, string name, ImportEntity? entity = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Request(name, content.Length, entity, _ => new MemoryStream(content, writable: false));
    }

    private static ImportRequest Request(string name, long? length, ImportEntity? entity, Func<System.Globalization.CultureInfo, Stream> open)
    {
        entity ??= CommerceEntities.SalesDocuments;
        if (entity.Lines is null)
        {
            throw new ArgumentException($"The entity '{entity.Name}' has no lines (ImportEntity.WithLines).", nameof(entity));
        }

        ImportSource View(bool lines) => ImportSource.FromReader(name, length, async (options, cancellationToken) =>
            await SalesDocumentsXmlReader.Open(open(options.UiCulture), length, options, entity, lines).StartAsync(cancellationToken).ConfigureAwait(false));

        return new ImportRequest(View(lines: false)) { Lines = View(lines: true) };
    }
}
