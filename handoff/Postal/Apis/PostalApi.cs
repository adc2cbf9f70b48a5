using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using ConversationHub.Core.Identity;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Postal.Apis;

/// <summary>
/// Postal code lookup (anonymous, rate-limited: the citizens' inquiry form fills the address with it) and the
/// administrators' dataset endpoints: upload, load from a server path, see what is loaded.
/// </summary>
internal static class PostalApi
{
    public const string Prefix = "/api/postal";

    public const string LookupRatePolicy = "postal-lookup";

    private static readonly string[] RawContentTypes = ["text/csv", "application/octet-stream", "application/zip", "application/x-zip-compressed", "application/gzip", "application/x-gzip"];

    public static IEndpointRouteBuilder MapPostalApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var admin = endpoints.MapGroup(Prefix + "/dataset").WithTags("Postal")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.Administrator));
        admin.MapGet("/", GetDatasetAsync).WithName("GetPostalDataset").WithSummary("The stored dataset and the one this node serves.");
        admin.MapPost("/", UploadAsync).WithName("UploadPostalDataset")
            .WithSummary("Loads KEN_ALL (UTF-8 or Shift_JIS CSV, or Japan Post's zip) sent as multipart 'file' or as the raw body; ?dryRun=true only reports.")
            .Accepts<IFormFile>("multipart/form-data", RawContentTypes)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        admin.MapPost("/from-path", LoadFromPathAsync).WithName("LoadPostalDatasetFromPath")
            .WithSummary("Loads a KEN_ALL file the server can read, named by an absolute path; ?dryRun=true only reports.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        // A literal segment outranks a parameter, so /api/postal/dataset never reaches this route.
        endpoints.MapGet(Prefix + "/{code}", Lookup).WithTags("Postal").WithName("LookupPostalCode")
            .WithSummary("Addresses of a postal code: 7 digits, with or without hyphen, half- or full-width, 〒 allowed.")
            .AllowAnonymous()
            .RequireRateLimiting(LookupRatePolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    internal static Results<Ok<IReadOnlyList<PostalAddress>>, ValidationProblem, ProblemHttpResult> Lookup(
        string code, PostalCodeDirectory directory, IStringLocalizer<HandoffStrings> strings, CancellationToken cancellationToken)
    {
        if (!PostalCode.TryNormalize(code, out var digits, out var problem, out var detail))
        {
            var message = PostalMessages.Of(strings, problem, detail);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["code"] = [message] }, title: message);
        }

        if (directory.Dataset is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: strings["Postal_NotLoaded"]);
        }

        var candidates = directory.Find(digits);
        return candidates.Count > 0
            ? TypedResults.Ok(candidates)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: strings["Postal_NotFound", PostalMessages.Display(digits)]);
    }

    internal static async Task<Ok<PostalDatasetStatus>> GetDatasetAsync(HandoffDbContext db, PostalCodeDirectory directory, CancellationToken cancellationToken)
    {
        var stored = await PostalIndexSync.StoredInfoAsync(db, cancellationToken);
        return TypedResults.Ok(new PostalDatasetStatus(stored, directory.Dataset, directory.IndexBuildTime.TotalMilliseconds));
    }

    /// <summary>
    /// The file as multipart (<c>file</c>) or as the raw body. Cookie-authenticated: the sign-in cookie is SameSite=Lax,
    /// so a cross-site form cannot post here with it.
    /// </summary>
    internal static async Task<Results<Ok<PostalImportResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, [FromQuery] bool? dryRun, ImportPostalDataset import, IOptions<PostalOptions> options,
        IStringLocalizer<HandoffStrings> strings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = options.Value.MaxFileBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            // Kestrel's default (30 MB) is below the file limit; multipart framing needs a little more.
            bodySize.MaxRequestBodySize = limit + (1024 * 1024);
        }

        if (request.ContentLength > limit + (1024 * 1024))
        {
            return TooLarge(strings, limit);
        }

        byte[]? file;
        string name;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit, ValueCountLimit = 16 }, cancellationToken);
            }
            catch (InvalidDataException)
            {
                return TooLarge(strings, limit);
            }

            var part = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (part is null)
            {
                return Invalid("file", strings["Postal_File_Missing"]);
            }

            if (part.Length > limit)
            {
                return TooLarge(strings, limit);
            }

            name = Path.GetFileName(part.FileName);
            using var buffer = new MemoryStream((int)part.Length);
            await part.CopyToAsync(buffer, cancellationToken);
            file = buffer.ToArray();
        }
        else if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && RawContentTypes.Contains(type.MediaType, StringComparer.OrdinalIgnoreCase))
        {
            file = await ReadLimitedAsync(request.Body, limit, cancellationToken);
            if (file is null)
            {
                return TooLarge(strings, limit);
            }

            name = "upload";
        }
        else
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: strings["Postal_File_ContentType"]);
        }

        return await ImportAsync(file, string.IsNullOrWhiteSpace(name) ? "upload" : name, LoadedBy(user), dryRun == true, import, strings, cancellationToken);
    }

    internal static async Task<Results<Ok<PostalImportResponse>, ValidationProblem, ProblemHttpResult>> LoadFromPathAsync(
        PostalPathRequest body, ClaimsPrincipal user, [FromQuery] bool? dryRun, ImportPostalDataset import, IOptions<PostalOptions> options,
        IStringLocalizer<HandoffStrings> strings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(body.Path) || !Path.IsPathFullyQualified(body.Path))
        {
            return Invalid("path", strings["Postal_Path_Required"]);
        }

        var info = new FileInfo(body.Path);
        if (!info.Exists)
        {
            return Invalid("path", strings["Postal_Path_NotFound", body.Path]);
        }

        if (info.Length > options.Value.MaxFileBytes)
        {
            return TooLarge(strings, options.Value.MaxFileBytes);
        }

        byte[] file;
        try
        {
            file = await File.ReadAllBytesAsync(info.FullName, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Invalid("path", strings["Postal_Path_Unreadable", body.Path]);
        }

        return await ImportAsync(file, info.FullName, LoadedBy(user), dryRun == true, import, strings, cancellationToken);
    }

    private static async Task<Results<Ok<PostalImportResponse>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        byte[] file, string name, string loadedBy, bool dryRun, ImportPostalDataset import, IStringLocalizer<HandoffStrings> strings, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return Invalid("file", strings["Postal_File_Empty"]);
        }

        PostalImportResult result;
        try
        {
            result = await import.ImportAsync(file, name, loadedBy, dryRun ? PostalImportMode.DryRun : PostalImportMode.Replace, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return Invalid("file", strings["Postal_File_Unreadable"]);
        }

        var response = PostalImportResponse.From(result, dryRun, strings);
        if (result.Entries == 0)
        {
            var message = strings["Postal_File_NoEntries", result.Lines.ToString(CultureInfo.InvariantCulture), result.MalformedCount.ToString(CultureInfo.InvariantCulture)];
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["file"] = [message] },
                title: message,
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["result"] = response });
        }

        return TypedResults.Ok(response);
    }

    private static string LoadedBy(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "user:" + id : "user";

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }, title: message);

    private static ProblemHttpResult TooLarge(IStringLocalizer<HandoffStrings> strings, int limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: strings["Postal_File_TooLarge", (limit / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)]);

    // Chunked bodies have no Content-Length, so the limit is also enforced while reading.
    private static async Task<byte[]?> ReadLimitedAsync(Stream source, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return buffer.ToArray();
    }
}

/// <summary>Body of <c>POST /api/postal/dataset/from-path</c>.</summary>
internal sealed record PostalPathRequest(string? Path);

/// <summary>Answer of <c>GET /api/postal/dataset</c>: the stored dataset and the one this node's index serves (equal once synced).</summary>
internal sealed record PostalDatasetStatus(PostalDatasetInfo? Stored, PostalDatasetInfo? Served, double IndexBuildMilliseconds);

/// <summary>A malformed line as reported: its number, the problem's name and the Japanese message.</summary>
internal sealed record PostalLineReport(int Line, string Problem, string Message);

/// <summary>Answer of a load (or dry run).</summary>
internal sealed record PostalImportResponse(
    bool Stored,
    bool DryRun,
    string SourceName,
    string Format,
    string Sha256,
    int Lines,
    int Entries,
    int Codes,
    int MalformedCount,
    IReadOnlyList<PostalLineReport> Malformed,
    DateTime? LoadedAtUtc,
    double ParseMilliseconds,
    double IndexMilliseconds)
{
    public static PostalImportResponse From(PostalImportResult result, bool dryRun, IStringLocalizer<HandoffStrings> strings) => new(
        result.Stored, dryRun, result.SourceName, result.Format, result.Sha256, result.Lines, result.Entries, result.Codes, result.MalformedCount,
        [.. result.Malformed.Select(e => new PostalLineReport(e.Line, e.Problem.ToString(), PostalMessages.Of(strings, e)))],
        result.LoadedAtUtc, result.ParseMilliseconds, result.IndexMilliseconds);
}
