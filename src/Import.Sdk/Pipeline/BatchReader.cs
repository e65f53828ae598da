using System.Globalization;
using Import.Sdk.Resources;

namespace Import.Sdk.Pipeline;

/// <summary>
/// The reading stage: fills a <see cref="RowBatch"/> with the next rows of the file, as raw cells (recycling the batch's free
/// rows). One caller at a time (the reader is not thread-safe). A file that cannot be read further ends the reading: its failure
/// waits in the batch (<see cref="RowBatch.ReadFailure"/>) and is reported once the batch is planned.
/// </summary>
internal sealed class BatchReader
{
    private readonly ITabularReader _reader;
    private readonly IRowCellReader? _cellReader; // the reader as one that copies a row's cells in one call, when it does
    private readonly int _batchSize;
    private readonly int _columns;
    private readonly int _fieldCount;
    private readonly int[] _cellSlots;
    private readonly bool _keepsChars;
    private readonly CultureInfo _ui;
    private long _rows;

    public BatchReader(ITabularReader reader, int columns, int fieldCount, int[] cellSlots, int batchSize, CultureInfo uiCulture)
    {
        _reader = reader;
        _cellReader = reader as IRowCellReader;
        _columns = columns;
        _fieldCount = fieldCount;
        _cellSlots = cellSlots;
        _batchSize = batchSize;
        _ui = uiCulture;
        _keepsChars = _cellReader is not null && cellSlots.Any(s => s >= 0);
    }

    /// <summary>Gets the size of the file, when it is known.</summary>
    public long? TotalBytes => _reader.TotalBytes;

    /// <summary>Makes an empty batch (a batch object is reused for batch after batch).</summary>
    public RowBatch NewBatch() => new(_batchSize, _keepsChars ? new CellChars(_cellSlots) : null);

    /// <summary>Reads up to a batch of rows (their cells only). Returns whether the file may have more.</summary>
    public async ValueTask<bool> ReadAsync(RowBatch batch, CancellationToken cancellationToken)
    {
        var more = await ReadRowsAsync(batch, cancellationToken).ConfigureAwait(false);
        batch.BytesRead = _reader.BytesRead;
        batch.RowsRead = _rows;
        batch.IsLast = !more;
        return more;
    }

    private async ValueTask<bool> ReadRowsAsync(RowBatch batch, CancellationToken cancellationToken)
    {
        var rows = batch.Rows;
        rows.Clear();
        batch.Chars?.Clear();
        while (rows.Count < _batchSize)
        {
            bool more;
            try
            {
                var pending = _reader.ReadAsync(cancellationToken);
                more = pending.IsCompletedSuccessfully ? pending.Result : await pending.ConfigureAwait(false);
            }
            catch (MalformedFileException ex)
            {
                batch.ReadFailure = (ex.Row > 0 ? ex.Row : _reader.RowNumber + 1, ex.Message, _rows == 0);
                return false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not ImportException)
            {
                batch.ReadFailure = (_reader.RowNumber + 1, Messages.Format(_ui, Messages.RestUnreadable, ex.Message), _rows == 0);
                return false;
            }

            if (!more)
            {
                return false;
            }

            rows.Add(ReadRow(batch));
        }

        return true;
    }

    /// <summary>Reads a row's cells into a recycled row of the batch or a new row.</summary>
    private RowState ReadRow(RowBatch batch)
    {
        _rows++;
        var reader = _reader;
        var fieldCount = reader.FieldCount;
        var width = Math.Max(fieldCount, _columns);
        RowState row;
        if (batch.Free.TryPop(out var recycled))
        {
            // An accepted row of an earlier batch: nothing refers to its arrays any more (its values only when no writer kept them).
            var cells = recycled.Cells.Length == width ? recycled.Cells : new string?[width];
            var values = recycled.ValuesKept ? new object?[_fieldCount] : recycled.Values;
            recycled.Reset(reader.RowNumber, cells, values);
            row = recycled;
        }
        else
        {
            row = new RowState(reader.RowNumber, new string?[width], new object?[_fieldCount]);
        }

        if (_cellReader is { } cellReader)
        {
            var chars = batch.Chars;
            if (chars is not null)
            {
                row.CellBounds ??= new int[2 * chars.Count];
            }

            cellReader.CopyCells(row.Cells, chars, row.CellBounds);
            row.CellChars = chars?.Buffer; // after the copy: the buffer may have grown for this row
        }
        else
        {
            var cells = row.Cells;
            for (var i = 0; i < width; i++)
            {
                cells[i] = reader.GetString(i);
            }
        }

        row.FieldCount = fieldCount;
        row.ReaderProblem = reader.RowProblem;
        return row;
    }
}
