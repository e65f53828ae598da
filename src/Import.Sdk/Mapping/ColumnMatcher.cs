namespace Import.Sdk.Mapping;

/// <summary>Auto-matches headers to fields: case, accents, spaces and punctuation ignored; synonyms; close misspellings; ambiguity reported, never guessed.</summary>
internal sealed class ColumnMatcher
{
    /// <summary>The smallest similarity accepted for a misspelled header.</summary>
    public const double FuzzyThreshold = 0.8;

    private readonly EntitySchema _schema;
    private readonly List<(string Term, string Field, MatchReason Reason)> _terms = [];

    public ColumnMatcher(EntitySchema schema)
    {
        _schema = schema;
        foreach (var f in schema.Fields)
        {
            Add(f.Name, f.Name, MatchReason.Exact);
            Add(f.LabelFr, f.Name, MatchReason.Exact);
            Add(f.LabelEn, f.Name, MatchReason.Exact);
            foreach (var s in f.Synonyms)
            {
                Add(s, f.Name, MatchReason.Synonym);
            }
        }
    }

    public MappingSuggestion Suggest(IReadOnlyList<string> header, ImportProfile? learned)
    {
        var learnedColumns = learned?.Columns
            .GroupBy(kv => TextNormalizer.Normalize(kv.Key), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var matches = new ColumnMatch[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            matches[i] = MatchOne(i, header[i], learnedColumns);
        }

        // A field claimed by several columns goes to the best match; equally good claims are all ambiguous.
        foreach (var group in matches.Where(m => m.Field is not null).GroupBy(m => m.Field!, StringComparer.Ordinal).Where(g => g.Count() > 1).ToArray())
        {
            var ordered = group.OrderBy(m => Rank(m.Reason)).ThenByDescending(m => m.Score).ToArray();
            var best = ordered[0];
            var tied = ordered.Where(m => Rank(m.Reason) == Rank(best.Reason) && m.Score.Equals(best.Score)).ToArray();
            foreach (var m in ordered)
            {
                if (tied.Length > 1 && tied.Contains(m))
                {
                    matches[m.Index] = m with { Field = null, Reason = MatchReason.Ambiguous, Candidates = [group.Key] };
                }
                else if (!ReferenceEquals(m, best))
                {
                    matches[m.Index] = m with { Field = null, Reason = MatchReason.None, Score = 0, Candidates = [] };
                }
            }
        }

        var mapped = matches.Where(m => m.Field is not null).Select(m => m.Field!).ToHashSet(StringComparer.Ordinal);
        var unmatched = matches.Where(m => m.Field is null).Select(m => m.Column).ToArray();
        var unmappedRequired = _schema.Fields.Where(f => f.IsRequired && f.DefaultValue is null && !mapped.Contains(f.Name)).Select(f => f.Name).ToList();
        if (!_schema.KeyFields.All(mapped.Contains) && !(_schema.AlternateKeyFields.Count > 0 && _schema.AlternateKeyFields.All(mapped.Contains)))
        {
            unmappedRequired.AddRange(_schema.KeyFields.Where(k => !mapped.Contains(k) && !unmappedRequired.Contains(k) && !string.Equals(k, _schema.ChildSetPosition, StringComparison.Ordinal))); // a child set's position is numbered when empty
        }

        return new MappingSuggestion(matches, unmatched, unmappedRequired);
    }

    private static int Rank(MatchReason reason) => reason switch
    {
        MatchReason.Profile => 0,
        MatchReason.Exact => 1,
        MatchReason.Synonym => 2,
        _ => 3,
    };

    private ColumnMatch MatchOne(int index, string column, Dictionary<string, string>? learned)
    {
        var norm = TextNormalizer.Normalize(column);
        if (norm.Length == 0)
        {
            return new ColumnMatch(index, column, null, MatchReason.None, 0, []);
        }

        if (learned is not null && learned.TryGetValue(norm, out var learnedField))
        {
            return learnedField.Length > 0 && _schema.TryGetField(learnedField, out _)
                ? new ColumnMatch(index, column, learnedField, MatchReason.Profile, 1, [])
                : new ColumnMatch(index, column, null, MatchReason.Profile, 1, []);
        }

        foreach (var tier in (ReadOnlySpan<MatchReason>)[MatchReason.Exact, MatchReason.Synonym])
        {
            var fields = _terms.Where(t => t.Reason == tier && string.Equals(t.Term, norm, StringComparison.Ordinal)).Select(t => t.Field).Distinct(StringComparer.Ordinal).ToArray();
            if (fields.Length == 1)
            {
                return new ColumnMatch(index, column, fields[0], tier, 1, []);
            }

            if (fields.Length > 1)
            {
                return new ColumnMatch(index, column, null, MatchReason.Ambiguous, 1, fields);
            }
        }

        if (norm.Length < 4)
        {
            return new ColumnMatch(index, column, null, MatchReason.None, 0, []);
        }

        var scored = _terms
            .Where(t => t.Term.Length >= 4)
            .Select(t => (t.Field, Score: Similarity.Score(norm, t.Term)))
            .Where(s => s.Score >= FuzzyThreshold)
            .GroupBy(s => s.Field, StringComparer.Ordinal)
            .Select(g => (Field: g.Key, Score: g.Max(s => s.Score)))
            .OrderByDescending(s => s.Score)
            .ToArray();
        if (scored.Length == 0)
        {
            return new ColumnMatch(index, column, null, MatchReason.None, 0, []);
        }

        var top = scored.Where(s => s.Score.Equals(scored[0].Score)).Select(s => s.Field).ToArray();
        var score = Math.Round(scored[0].Score, 3);
        return top.Length == 1
            ? new ColumnMatch(index, column, top[0], MatchReason.Fuzzy, score, [])
            : new ColumnMatch(index, column, null, MatchReason.Ambiguous, score, top);
    }

    private void Add(string text, string field, MatchReason reason)
    {
        var norm = TextNormalizer.Normalize(text);
        if (norm.Length > 0)
        {
            _terms.Add((norm, field, reason));
        }
    }
}
