using System.Globalization;
using Import.Sdk.Mapping;
using Import.Sdk.Reporting;
using Import.Sdk.Resources;

namespace Import.Sdk.Conversion;

/// <summary>
/// Converts one cell to its field's type and checks it: numbers and dates in the file's culture, booleans, enums (with aliases),
/// lists, text length, e-mail, and the field's validators (each under its gate, <see cref="CallGates"/>). Never throws for bad
/// data: a cell that is not valid gives its issue code and message. Holds nothing that changes: shared by the converting threads.
/// </summary>
internal sealed class ValueConverter
{
    private readonly NumberStyleKind _numberStyle;
    private readonly string[] _dateFormats;
    private readonly CultureInfo _culture;
    private readonly CultureInfo _ui;
    private readonly IFieldValidator[][] _validators;
    private readonly IValueNormalizer?[][] _normalizers; // per validator, itself when it also normalises (no type test per value)
    private readonly Lock?[][] _gates; // per validator, the lock its calls take, or null

    public ValueConverter(EntitySchema schema, CompiledMapping map, CultureInfo uiCulture, CallGates gates)
    {
        _numberStyle = map.NumberStyle;
        _dateFormats = map.DateFormats;
        _culture = map.Culture;
        _ui = uiCulture;
        _validators = [.. schema.Fields.Select(f => f.Validators.ToArray())];
        _normalizers = [.. _validators.Select(v => v.Select(x => x as IValueNormalizer).ToArray())];
        _gates = [.. _validators.Select(v => v.Select(gates.For).ToArray())];
    }

    /// <summary>Gets whether a field has validators (a text field without any is taken as is when it needs no trimming).</summary>
    public bool HasValidators(int field) => _validators[field].Length > 0;

    /// <summary>Converts one cell to the field's type and checks it. Never throws.</summary>
    // Boxed once: delays, quantities and counts are mostly small (one allocation less per such cell). Read-only after start-up.
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;
    private static readonly object[] SmallIntegers = [.. Enumerable.Range(0, 1024).Select(i => (object)(long)i)];

    /// <param name="field">The field.</param>
    /// <param name="raw">The cell as found.</param>
    /// <param name="cell">The cell as a string, or <see langword="null"/> when it is kept as characters (fields that are not text).</param>
    /// <param name="value">The value; <see langword="null"/> for an empty cell.</param>
    /// <param name="code">The issue code when the cell is not valid.</param>
    /// <param name="message">The issue message when the cell is not valid.</param>
    public bool TryConvert(FieldDefinition field, ReadOnlySpan<char> raw, string? cell, out object? value, out string code, out string message)
    {
        value = null;
        code = string.Empty;
        message = string.Empty;
        var span = ValueParsers.Trim(raw);
        if (span.IsEmpty)
        {
            return true;
        }

        switch (field.Type)
        {
            case FieldType.Integer:
                if (ValueParsers.TryParseInteger(span, _numberStyle, out var l) && (field.MinValue is not { } minL || l >= minL))
                {
                    value = (ulong)l < (ulong)SmallIntegers.Length ? SmallIntegers[l] : l;
                    return true;
                }

                return NumberIssue(field, span, out code, out message);
            case FieldType.Decimal:
                if (ValueParsers.TryParseDecimal(span, _numberStyle, out var d) && (field.MinValue is not { } minD || d >= minD))
                {
                    value = d;
                    return true;
                }

                return NumberIssue(field, span, out code, out message);
            case FieldType.Date:
                if (ValueParsers.TryParseDate(span, _dateFormats, out var date))
                {
                    value = date;
                    return true;
                }

                code = IssueCodes.InvalidDate;
                message = Messages.Format(_ui, Messages.InvalidDate, DisplayText.Cut(span, _ui), _dateFormats[0]);
                return false;
            case FieldType.Boolean:
                if (ValueParsers.TryParseBoolean(span, out var b))
                {
                    value = b ? BoxedTrue : BoxedFalse;
                    return true;
                }

                code = IssueCodes.InvalidBoolean;
                message = Messages.Format(_ui, Messages.InvalidBoolean, DisplayText.Cut(span, _ui));
                return false;
            case FieldType.Enum:
                return TryConvertEnum(field, span, out value, out code, out message);
            case FieldType.TextList:
                if (IsCanonicalList(field, span))
                {
                    value = cell is not null && span.Length == cell.Length ? cell : span.ToString();
                    return true;
                }

                return TryConvertList(field, span, out value, out code, out message);
            default:
                return TryConvertText(field, span, cell, out value, out code, out message);
        }
    }

    /// <summary>Converts a text cell (plain, e-mail, or checked by the field's validators). Kept apart: its locals do not weigh on the number paths.</summary>
    private bool TryConvertText(FieldDefinition field, ReadOnlySpan<char> span, string? cell, out object? value, out string code, out string message)
    {
        value = null;
        code = string.Empty;
        message = string.Empty;
        var text = cell is not null && span.Length == cell.Length ? cell : span.ToString();
        if (field.MaxLength is { } max && text.Length > max)
        {
            code = IssueCodes.TooLong;
            message = Messages.Format(_ui, Messages.TooLong, DisplayText.Cut(text, _ui), text.Length, max);
            return false;
        }

        if (field.Type == FieldType.Email && !ValueParsers.IsValidEmail(text))
        {
            code = IssueCodes.InvalidEmail;
            message = Messages.Format(_ui, Messages.InvalidEmail, DisplayText.Cut(text, _ui));
            return false;
        }

        var normalizers = _normalizers[field.Index];
        var validators = _validators[field.Index];
        var gates = _gates[field.Index];
        for (var v = 0; v < validators.Length; v++)
        {
            var validator = validators[v];
            var normalizer = normalizers[v];
            var gate = gates[v];
            string? normalized = null;
            var valid = gate is not null
                ? GatedCheck(gate, validator, normalizer, text, out normalized)
                : normalizer is not null ? normalizer.TryNormalize(text, out normalized) : validator.IsValid(text);
            if (!valid)
            {
                code = validator.Code;
                message = gate is not null ? GatedMessage(gate, validator, text) : validator.GetMessage(DisplayText.Cut(text, _ui), _ui);
                return false;
            }

            text = normalized ?? text;
        }

        value = text;
        return true;
    }

    /// <summary>A check by a validator that is not thread-safe: under its gate (rare: the built-in validators are thread-safe).</summary>
    private static bool GatedCheck(Lock gate, IFieldValidator validator, IValueNormalizer? normalizer, string text, out string? normalized)
    {
        lock (gate)
        {
            normalized = null;
            return normalizer is not null ? normalizer.TryNormalize(text, out normalized) : validator.IsValid(text);
        }
    }

    private string GatedMessage(Lock gate, IFieldValidator validator, string text)
    {
        lock (gate)
        {
            return validator.GetMessage(DisplayText.Cut(text, _ui), _ui);
        }
    }

    /// <summary>Why a number cell is not valid (kept out of <see cref="TryConvert"/>: its hot path stays small).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool NumberIssue(FieldDefinition field, ReadOnlySpan<char> span, out string code, out string message)
    {
        code = IssueCodes.InvalidNumber;
        var text = DisplayText.Cut(span, _ui);
        if (field.Type == FieldType.Integer)
        {
            message = ValueParsers.TryParseInteger(span, _numberStyle, out _)
                ? Messages.Format(_ui, Messages.BelowMinimum, text, field.MinValue!.Value.ToString(_culture))
                : Messages.Format(_ui, Messages.InvalidInteger, text);
            return false;
        }

        message = ValueParsers.TryParseDecimal(span, _numberStyle, out _)
            ? Messages.Format(_ui, Messages.BelowMinimum, text, field.MinValue!.Value.ToString(_culture))
            : Messages.Format(_ui, Messages.InvalidNumber, text, 1234.56m.ToString("#,##0.00", _culture));
        return false;
    }

    private bool TryConvertEnum(FieldDefinition field, ReadOnlySpan<char> span, out object? value, out string code, out string message)
    {
        code = string.Empty;
        message = string.Empty;
        Span<char> buffer = span.Length <= 128 ? stackalloc char[span.Length * 2 + 4] : new char[span.Length * 2 + 4];
        var n = TextNormalizer.Normalize(span, buffer);
        var lookup = field.EnumLookup.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(buffer[..n], out var canonical))
        {
            value = canonical;
            return true;
        }

        value = null;
        code = IssueCodes.InvalidEnum;
        message = Messages.Format(_ui, Messages.InvalidEnum, DisplayText.Cut(span, _ui), string.Join(", ", field.AllowedValues));
        return false;
    }

    /// <summary>Whether a list is already as <see cref="TryConvertList"/> would write it: items trimmed, not empty, not too long, distinct.</summary>
    private static bool IsCanonicalList(FieldDefinition field, ReadOnlySpan<char> span)
    {
        var separator = field.ListSeparator;
        var max = field.MaxLength ?? int.MaxValue;
        var start = 0;
        while (true)
        {
            var length = span[start..].IndexOf(separator);
            var end = length < 0 ? span.Length : start + length;
            var part = span[start..end];
            if (part.IsEmpty || part.Length > max || ValueParsers.Trim(part).Length != part.Length)
            {
                return false;
            }

            // Distinct from the earlier items (lists are short).
            var earlier = span[..start];
            while (!earlier.IsEmpty)
            {
                var cut = earlier.IndexOf(separator);
                if (earlier[..cut].SequenceEqual(part))
                {
                    return false;
                }

                earlier = earlier[(cut + 1)..];
            }

            if (end == span.Length)
            {
                return true;
            }

            start = end + 1;
        }
    }

    private bool TryConvertList(FieldDefinition field, ReadOnlySpan<char> span, out object? value, out string code, out string message)
    {
        code = string.Empty;
        message = string.Empty;
        value = null;
        var parts = new List<string>();
        foreach (var range in span.Split(field.ListSeparator))
        {
            var part = ValueParsers.Trim(span[range]);
            if (part.IsEmpty)
            {
                continue;
            }

            var s = part.ToString();
            if (field.MaxLength is { } max && s.Length > max)
            {
                code = IssueCodes.TooLong;
                message = Messages.Format(_ui, Messages.TooLong, DisplayText.Cut(s, _ui), s.Length, max);
                return false;
            }

            if (!parts.Contains(s, StringComparer.Ordinal))
            {
                parts.Add(s);
            }
        }

        value = parts.Count == 0 ? null : string.Join(field.ListSeparator, parts);
        return true;
    }
}
