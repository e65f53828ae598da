namespace Import.Sdk.Planning;

/// <summary>The sink failed; its exception is the inner one.</summary>
internal sealed class SinkFailedException(Exception inner) : Exception(inner.Message, inner);
