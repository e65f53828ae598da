using Import.Sdk.Conversion;
using Import.Sdk.Rules;

namespace Import.Sdk.Pipeline;

/// <summary>One converting thread's stages: each row of a batch through the row converter, then the record rules.</summary>
internal sealed class BatchConverter(RowConverter converter, RecordChecker checker)
{
    public void Convert(RowBatch batch)
    {
        foreach (var row in batch.Rows)
        {
            converter.Convert(row);
            checker.Check(row);
        }
    }
}
