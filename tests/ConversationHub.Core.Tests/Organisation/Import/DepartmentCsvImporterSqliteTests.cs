using ConversationHub.Core.Persistence;

namespace ConversationHub.Core.Tests.Organisation.Import;

public sealed class DepartmentCsvImporterSqliteTests() : DepartmentCsvImporterTests(DatabaseProvider.Sqlite);
