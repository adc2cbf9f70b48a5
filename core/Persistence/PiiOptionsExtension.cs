using System.Globalization;
using System.Runtime.CompilerServices;
using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Core.Persistence;

/// <summary>
/// Carries the PII protector in a context's options, so a context needs nothing but its options and can be pooled
/// (a pooled context is built from the options alone). The protector does not change EF's internal services, so every
/// protector shares one internal service provider; the model cache tells protectors apart (<see cref="PiiModelCacheKeyFactory"/>).
/// </summary>
public sealed class PiiOptionsExtension(IPiiProtector protector) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    /// <summary>The protector the context's model encrypts personal-data columns with.</summary>
    public IPiiProtector Protector { get; } = protector ?? throw new ArgumentNullException(nameof(protector));

    /// <inheritdoc />
    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <inheritdoc />
    public void ApplyServices(IServiceCollection services)
    {
    }

    /// <inheritdoc />
    public void Validate(IDbContextOptions options)
    {
    }

    /// <summary>The protector of <paramref name="options"/>; a context built without one is a programming error.</summary>
    public static IPiiProtector ProtectorOf(DbContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.FindExtension<PiiOptionsExtension>()?.Protector
            ?? throw new InvalidOperationException($"The context's options have no PII protector: configure them with {nameof(PiiDbContextOptionsExtensions.UsePiiProtector)}.");
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "PiiProtector ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Pii:Protector"] = RuntimeHelpers.GetHashCode(((PiiOptionsExtension)Extension).Protector).ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>Puts a PII protector into a context's options.</summary>
public static class PiiDbContextOptionsExtensions
{
    /// <summary>Makes <paramref name="protector"/> the one the context's model encrypts personal data with.</summary>
    public static TBuilder UsePiiProtector<TBuilder>(this TBuilder options, IPiiProtector protector)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new PiiOptionsExtension(protector));
        return options;
    }
}
