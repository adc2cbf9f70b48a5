using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>The upload call (spec §6) as directlinejs sends it: an activity part, then one file part per attachment.</summary>
public sealed class DirectLineUploadTests(DirectLineHostFixture fixture) : IClassFixture<DirectLineHostFixture>
{
    // A 1×1 transparent PNG.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Upload_Png_StoredEchoedWithSignedLinkAndServed()
    {
        var ct = TestTimeout.Token();
        using var client = new DirectLineTestClient(fixture.Host.CreateClient());
        await client.GenerateAsync(ct);

        using var response = await UploadAsync(client, [("photo.png", "image/png", Png)], ct);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        var (activities, _) = await client.GetActivitiesAsync("", ct);
        var echo = activities.Single(a => a.GetProperty("id").GetString() == id);
        var attachment = echo.GetProperty("attachments")[0];
        var contentUrl = new Uri(attachment.GetProperty("contentUrl").GetString()!);
        using var anonymous = fixture.Host.CreateClient();
        var served = await anonymous.GetAsync(contentUrl, ct);
        var unsigned = await anonymous.GetAsync(new Uri(contentUrl.GetLeftPart(UriPartial.Path)), ct);
        using var withToken = await client.SendAsync(HttpMethod.Get, contentUrl.AbsolutePath, client.Token, null, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("upload-1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
        Assert.Equal("photo.png", attachment.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }

    [Fact]
    public async Task Upload_Executable_415()
    {
        var ct = TestTimeout.Token();
        using var client = new DirectLineTestClient(fixture.Host.CreateClient());
        await client.GenerateAsync(ct);
        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00];

        using var declared = await UploadAsync(client, [("setup.exe", "application/x-msdownload", exe)], ct);
        using var disguised = await UploadAsync(client, [("photo.png", "image/png", exe)], ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, declared.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, disguised.StatusCode);
    }

    [Fact]
    public async Task Upload_OverTenMegabytes_413()
    {
        var ct = TestTimeout.Token();
        using var client = new DirectLineTestClient(fixture.Host.CreateClient());
        await client.GenerateAsync(ct);
        var big = new byte[(10 * 1024 * 1024) + 1];
        Png.CopyTo(big, 0);

        using var response = await UploadAsync(client, [("big.png", "image/png", big)], ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    internal static async Task<HttpResponseMessage> UploadAsync(DirectLineTestClient client, (string Name, string Type, byte[] Content)[] files, CancellationToken ct)
    {
        var activity = new
        {
            type = "message",
            from = new { id = "x", role = "user" },
            attachments = files.Select(f => new { contentType = f.Type, name = f.Name }).ToArray(),
            channelData = new { clientActivityID = "upload-1" },
        };
        using var form = new MultipartFormDataContent();
        var activityPart = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity));
        activityPart.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activityPart, "activity", "blob");
        foreach (var (name, type, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "file", name);
        }

        var user = DirectLineTestClient.UserOf(client.Token);
        return await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/upload?userId={user}", client.Token, form, ct);
    }
}
