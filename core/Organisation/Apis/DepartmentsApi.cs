using System.Net.Http.Headers;
using ConversationHub.Core.Identity;
using ConversationHub.Core.Organisation.Import;
using ConversationHub.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Organisation.Apis;

/// <summary>Administrators' organisation endpoints: list departments and import the organisation CSV.</summary>
internal static class DepartmentsApi
{
    /// <summary>The largest CSV body accepted; a city's organisation list is a few hundred rows, far below this.</summary>
    public const int MaxImportBytes = 5 * 1024 * 1024;

    private static readonly string[] CsvContentTypes = ["text/csv", "application/octet-stream"];

    public static IEndpointRouteBuilder MapDepartmentsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/api/org/departments")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.Administrator))
            .WithTags("Organisation");

        group.MapGet("/", ListDepartmentsAsync).WithName("ListDepartments");
        group.MapPost("/import", ImportDepartmentsAsync)
            .WithName("ImportDepartments")
            .Accepts<Stream>(CsvContentTypes[0], CsvContentTypes[1..])
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return endpoints;
    }

    /// <summary>Every department ordered by code, with its parent as a code.</summary>
    internal static async Task<Ok<List<DepartmentListItem>>> ListDepartmentsAsync(
        [FromServices] HubDbContext db,
        CancellationToken cancellationToken)
    {
        // The whole list is loaded (a few hundred rows), so codes sort the same on SQLite and PostgreSQL.
        var departments = await db.Departments.AsNoTracking().ToListAsync(cancellationToken);
        var codeById = departments.ToDictionary(d => d.Id, d => d.Code);
        var items = departments
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => new DepartmentListItem(
                d.Code,
                d.Name,
                d.Kana,
                d.ParentId is { } parentId ? codeById.GetValueOrDefault(parentId) : null,
                d.Email,
                d.Extension,
                d.IsActive))
            .ToList();
        return TypedResults.Ok(items);
    }

    /// <summary>
    /// Imports the CSV sent as the raw body (<c>text/csv</c> or <c>application/octet-stream</c>, at most 5 MB).
    /// 200 with the result when applied or when a dry run finds no error; 400 with every row error otherwise.
    /// </summary>
    /// <remarks>
    /// Requiring one of these content types also keeps the endpoint out of reach of cross-site HTML forms, which can
    /// only send form encodings and text/plain.
    /// </remarks>
    internal static async Task<Results<Ok<DepartmentImportResult>, ValidationProblem, ProblemHttpResult>> ImportDepartmentsAsync(
        HttpRequest request,
        [FromServices] DepartmentCsvImporter importer,
        [FromQuery] bool? dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(importer);

        if (!IsCsvContentType(request.ContentType))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Content-Type は text/csv または application/octet-stream を指定してください。");
        }

        if (request.ContentLength > MaxImportBytes)
        {
            return TooLarge();
        }

        using var body = new MemoryStream();
        if (!await CopyLimitedAsync(request.Body, body, MaxImportBytes, cancellationToken))
        {
            // Chunked bodies have no Content-Length, so the limit is also enforced while reading.
            return TooLarge();
        }

        body.Position = 0;
        var mode = dryRun == true ? DepartmentImportMode.DryRun : DepartmentImportMode.Apply;
        var result = await importer.ImportAsync(body, mode, cancellationToken);
        if (result.Errors.Count == 0)
        {
            return TypedResults.Ok(result);
        }

        var errors = result.Errors
            .GroupBy(ErrorKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(
            errors,
            detail: $"{result.Errors.Count} 件のエラーがあります。エラーがある場合は 1 行も取り込まれません。",
            title: "組織 CSV の内容に誤りがあります。",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["result"] = result });
    }

    // "5:email" reads as line 5, column email; "file" is a problem with the file as a whole.
    private static string ErrorKey(DepartmentImportError error) => (error.Line, error.Column) switch
    {
        (null, _) => "file",
        ({ } line, null) => line.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ({ } line, { } column) => $"{line.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{column}",
    };

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: $"ファイルが大きすぎます（上限 {MaxImportBytes / (1024 * 1024)} MB）。");

    private static bool IsCsvContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && CsvContentTypes.Any(t => string.Equals(t, parsed.MediaType, StringComparison.OrdinalIgnoreCase));

    private static async Task<bool> CopyLimitedAsync(Stream source, Stream destination, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return false;
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return true;
    }
}
