using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ConversationHub.Core.Persistence;

/// <summary>
/// EF caches a model per context type, but our models capture the PII protector in value converters; keying
/// the cache by the protector too keeps two hosts with different keys in one process (tests) apart.
/// </summary>
internal sealed class PiiModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => context is IPiiModelContext pii
        ? (context.GetType(), pii.Pii, designTime)
        : (object)(context.GetType(), designTime);
}
