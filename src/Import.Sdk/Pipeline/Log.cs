using Microsoft.Extensions.Logging;

namespace Import.Sdk;

/// <summary>Source-generated log messages. Cell values are never logged (they may be personal data); the report carries them.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Import of {Entity} from {File} started (simulation: {Simulated})")]
    public static partial void ImportStarted(ILogger logger, string entity, string file, bool simulated);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Import of {Entity} finished: {Rows} rows, {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected in {ElapsedMs} ms")]
    public static partial void ImportFinished(ILogger logger, string entity, long rows, long inserted, long updated, long unchanged, long rejected, long elapsedMs);
}
