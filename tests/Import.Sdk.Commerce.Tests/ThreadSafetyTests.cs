namespace Import.Sdk.Commerce.Tests;

/// <summary>The built-in validators and rules declare that they may run on several threads at once: no lock is taken around them.</summary>
public class ThreadSafetyTests
{
    [Fact]
    public void EveryBuiltInValidatorAndRule_DeclaresItselfThreadSafe()
    {
        var entities = CommerceEntities.All();
        var validators = entities.SelectMany(e => e.Schema.Fields).SelectMany(f => f.Validators).Distinct().ToArray();
        var rules = entities.SelectMany(e => e.Rules).Distinct().ToArray();

        Assert.NotEmpty(validators);
        Assert.NotEmpty(rules);
        Assert.All(validators, v => Assert.IsAssignableFrom<IThreadSafeCheck>(v));
        Assert.All(rules, r => Assert.IsAssignableFrom<IThreadSafeCheck>(r));
    }
}
