using Import.Sdk.Excel;

namespace Import.Sdk;

/// <summary>Registers the Excel readers (XLSX, XLSM, XLSB, XLS) on an <see cref="ImportPipelineBuilder"/>.</summary>
public static class ExcelImportPipelineBuilderExtensions
{
    /// <summary>Adds the Excel readers, tried before CSV; formats are detected by content, not by file name.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The limits against hostile files; the default ones when <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    public static ImportPipelineBuilder UseExcelReaders(this ImportPipelineBuilder builder, ExcelReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var provider in ExcelReaders.Create(options))
        {
            builder.UseReader(provider);
        }

        return builder;
    }
}
