using Import.Sdk.Mapping;
using Import.Sdk.Pipeline;

namespace Import.Sdk.Planning;

/// <summary>
/// Numbers the records of a child set whose position is empty (<see cref="EntitySchema.ChildSetPosition"/>): after the last position
/// of their parent met so far in the file (a given position counts too), so that the file's order is kept; the record's key is made
/// again with its position. Planner's thread only, in file order; memory grows with the number of parents in the file.
/// </summary>
internal sealed class ChildPositions
{
    private readonly EntitySchema _schema;
    private readonly CompiledMapping _map;
    private readonly int[] _parent;
    private readonly int _position;
    private readonly Dictionary<RecordKey, long> _last = [];

    private ChildPositions(EntitySchema schema, CompiledMapping map, int parent, int position)
    {
        _schema = schema;
        _map = map;
        _parent = [parent];
        _position = position;
    }

    /// <summary>The numbering of an entity's child sets, or <see langword="null"/> when it has no position field.</summary>
    public static ChildPositions? For(EntitySchema schema, CompiledMapping map) =>
        schema.ChildSetParent is { } parent && schema.ChildSetPosition is { } position ? new(schema, map, schema[parent].Index, schema[position].Index) : null;

    /// <summary>Numbers a row's record if its position is empty (a rejected row takes no position).</summary>
    public void Number(RowState row)
    {
        if (row.Rejected || RecordKey.Of(_parent, row.Values) is not { } parent)
        {
            return;
        }

        _last.TryGetValue(parent, out var last);
        if (row.Values[_position] is long given)
        {
            _last[parent] = Math.Max(last, given);
            return;
        }

        row.Values[_position] = ++last;
        _last[parent] = last;
        row.Key = KeyText.Format(_schema, _map.KeyFields, row.Values);
        if (row.Key is not null)
        {
            row.KeyHash = KeyRegistry.Hash(row.Key);
        }
    }
}
