using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ConversationHub.Core.Persistence;

/// <summary>Fails start-up with a message that names the setting at fault.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider)
            || !Enum.IsDefined(provider)
            || int.TryParse(options.Provider, out _))
        {
            return ValidateOptionsResult.Fail(
                $"Database:Provider must be 'Sqlite' or 'Postgres' (was '{options.Provider}').");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("ConnectionStrings:Hub is required when Database:Provider is 'Postgres'.");
        }

        try
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                _ = new SqliteConnectionStringBuilder(options.ConnectionString);
            }
            else
            {
                var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrEmpty(builder.Host))
                {
                    return ValidateOptionsResult.Fail("ConnectionStrings:Hub must name a Host for PostgreSQL.");
                }
            }
        }
        catch (ArgumentException ex)
        {
            // The message of the connection-string parser never contains the password.
            return ValidateOptionsResult.Fail($"ConnectionStrings:Hub is not a valid {provider} connection string: {ex.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
