using Microsoft.Extensions.DependencyInjection;

namespace Import.Sdk.Tests.Support;

/// <summary>
/// The smallest container that honours singleton descriptors (instance, factory or type with a parameterless constructor), as
/// Microsoft.Extensions.DependencyInjection would resolve them. The test project does not reference the real container.
/// </summary>
internal sealed class MiniServiceProvider(IServiceCollection services) : IServiceProvider
{
    private readonly Dictionary<ServiceDescriptor, object> _singletons = [];

    public object? GetService(Type serviceType)
    {
        var descriptor = services.LastOrDefault(d => d.ServiceType == serviceType);
        if (descriptor is null)
        {
            return null;
        }

        if (descriptor.Lifetime != ServiceLifetime.Singleton)
        {
            throw new NotSupportedException($"Only singletons are supported, not {descriptor.Lifetime}.");
        }

        if (!_singletons.TryGetValue(descriptor, out var instance))
        {
            instance = descriptor.ImplementationInstance
                ?? descriptor.ImplementationFactory?.Invoke(this)
                ?? Activator.CreateInstance(descriptor.ImplementationType!)!;
            _singletons[descriptor] = instance;
        }

        return instance;
    }
}
