using System.Text;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Organisation;
using ConversationHub.Core.Organisation.Apis;
using ConversationHub.Core.Organisation.Import;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Security;
using ConversationHub.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConversationHub.Core.Tests.Organisation.Apis;

/// <summary>The handlers of <see cref="DepartmentsApi"/>, called directly on SQLite (the importer itself is tested on both providers).</summary>
public sealed class DepartmentsApiTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestTimeout.Token();
    private readonly IPiiProtector _pii = PiiProtectorFactory.Create(TestPii.CreateOptions(), Path.GetTempPath());
    private TestDatabase? _database;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, _ct);
        await using var db = CreateContext();
        await db.Database.MigrateAsync(_ct);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public void MapDepartmentsApi_AllEndpoints_RequireAdministratorRole()
    {
        // Arrange
        var app = WebApplication.CreateBuilder().Build();

        // Act
        app.MapDepartmentsApi();

        // Assert
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
        Assert.Equal(["/api/org/departments/", "/api/org/departments/import"], endpoints.Select(e => e.RoutePattern.RawText).Order(StringComparer.Ordinal).ToList());
        Assert.All(endpoints, e =>
        {
            var roles = e.Metadata.OfType<AuthorizationPolicy>().SelectMany(p => p.Requirements).OfType<RolesAuthorizationRequirement>().Single();
            Assert.Equal([HubRoles.Administrator], roles.AllowedRoles);
        });
    }

    [Fact]
    public async Task ImportDepartmentsAsync_ValidCsv_ReturnsOkAndApplies()
    {
        // Arrange
        var request = CsvRequest("code,name,kana\r\nSOMU,総務部,ソウムブ\r\n", "text/csv; charset=utf-8");

        // Act
        var response = await ImportAsync(request, dryRun: null);

        // Assert
        var ok = Assert.IsType<Ok<DepartmentImportResult>>(response.Result);
        Assert.Equal((true, 1), (ok.Value!.Applied, ok.Value.Created));
        var list = await ListAsync();
        Assert.Equal("SOMU", Assert.Single(list).Code);
    }

    [Fact]
    public async Task ImportDepartmentsAsync_ValidCsvDryRun_ReturnsOkAndWritesNothing()
    {
        // Arrange
        var request = CsvRequest("code,name,kana\r\nSOMU,総務部,ソウムブ\r\n", "application/octet-stream");

        // Act
        var response = await ImportAsync(request, dryRun: true);

        // Assert
        var ok = Assert.IsType<Ok<DepartmentImportResult>>(response.Result);
        Assert.Equal((DepartmentImportMode.DryRun, false, 1), (ok.Value!.Mode, ok.Value.Applied, ok.Value.Created));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task ImportDepartmentsAsync_InvalidRows_ReturnsValidationProblemWithEveryRowError()
    {
        // Arrange
        var request = CsvRequest("code,name,kana,email\r\nSOMU,総務部,ソウムブ,bad\r\nJINJI,,ジンジカ,\r\n", "text/csv");

        // Act
        var response = await ImportAsync(request, dryRun: false);

        // Assert
        var problem = Assert.IsType<ValidationProblem>(response.Result);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.Equal(["2:email", "3:name"], problem.ProblemDetails.Errors.Keys.Order(StringComparer.Ordinal).ToList());
        var result = Assert.IsType<DepartmentImportResult>(problem.ProblemDetails.Extensions["result"]);
        Assert.Equal(
            [DepartmentImportErrorCodes.InvalidEmail, DepartmentImportErrorCodes.Required],
            result.Errors.Select(e => e.Code).ToList());
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task ImportDepartmentsAsync_OtherContentType_Returns415()
    {
        // Arrange
        var request = CsvRequest("code,name,kana\r\n", "text/plain");

        // Act
        var response = await ImportAsync(request, dryRun: false);

        // Assert
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, Assert.IsType<ProblemHttpResult>(response.Result).StatusCode);
    }

    [Fact]
    public async Task ImportDepartmentsAsync_BodyOverFiveMegabytesWithoutLength_Returns413()
    {
        // Arrange: no Content-Length, as with a chunked upload.
        var request = CsvRequest("code,name,kana\r\n" + new string('x', DepartmentsApi.MaxImportBytes), "text/csv");
        request.ContentLength = null;

        // Act
        var response = await ImportAsync(request, dryRun: false);

        // Assert
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, Assert.IsType<ProblemHttpResult>(response.Result).StatusCode);
    }

    [Fact]
    public async Task ImportDepartmentsAsync_ContentLengthOverFiveMegabytes_Returns413()
    {
        // Arrange
        var request = CsvRequest("code,name,kana\r\n", "text/csv");
        request.ContentLength = DepartmentsApi.MaxImportBytes + 1L;

        // Act
        var response = await ImportAsync(request, dryRun: false);

        // Assert
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, Assert.IsType<ProblemHttpResult>(response.Result).StatusCode);
    }

    [Fact]
    public async Task ListDepartmentsAsync_StoredDepartments_ReturnsParentCodesOrderedByCode()
    {
        // Arrange
        await using (var db = CreateContext())
        {
            var somu = new Department("SOMU", "総務部", "ソウムブ");
            db.Departments.AddRange(somu, new Department("JINJI", "人事課", "ジンジカ") { ParentId = somu.Id, Extension = "2000", IsActive = false });
            await db.SaveChangesAsync(_ct);
        }

        // Act
        var list = await ListAsync();

        // Assert
        Assert.Equal(
            [
                new DepartmentListItem("JINJI", "人事課", "ジンジカ", "SOMU", null, "2000", false),
                new DepartmentListItem("SOMU", "総務部", "ソウムブ", null, null, null, true),
            ],
            list);
    }

    private static HttpRequest CsvRequest(string body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = contentType;
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context.Request;
    }

    private async Task<Results<Ok<DepartmentImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(HttpRequest request, bool? dryRun)
    {
        await using var db = CreateContext();
        var importer = new DepartmentCsvImporter(db, TimeProvider.System, NullLogger<DepartmentCsvImporter>.Instance);
        return await DepartmentsApi.ImportDepartmentsAsync(request, importer, dryRun, _ct);
    }

    private async Task<List<DepartmentListItem>> ListAsync()
    {
        await using var db = CreateContext();
        return (await DepartmentsApi.ListDepartmentsAsync(db, _ct)).Value!;
    }

    private HubDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        HubDatabase.Configure(options, _database!.Provider, _database.ConnectionString, "ConversationHub.Core", HubDbContext.MigrationsHistoryTable);
        return new HubDbContext(options.UsePiiProtector(_pii).Options);
    }
}
