namespace Import.Sdk.Planning;

/// <summary>The codes a reference value names: the value itself, or each item of a list (enumerated without allocation for a single value).</summary>
internal readonly struct ReferenceItems(string text, char? separator)
{
    public Enumerator GetEnumerator() => new(text, separator);

    public struct Enumerator(string text, char? separator)
    {
        private int _position;

        public string Current { get; private set; } = string.Empty;

        public bool MoveNext()
        {
            if (_position > text.Length)
            {
                return false;
            }

            if (separator is not { } sep)
            {
                Current = text;
                _position = text.Length + 1;
                return true;
            }

            var end = text.IndexOf(sep, _position);
            if (end < 0)
            {
                end = text.Length;
            }

            Current = text[_position..end];
            _position = end + 1;
            return true;
        }
    }
}
