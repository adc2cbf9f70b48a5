using System.Text.Json;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Line;

/// <summary>
/// The transcript holds each LINE message's delivery state; the LINE row only adds the retry key, the method and
/// LINE's last error. After a retried push and after a push given up, the two agree with each other and with the
/// calls LINE actually received.
/// </summary>
public abstract class LineDeliveryStateTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : LineHostFixture
{
    private const int MaxDeliveryAttempts = 5;

    [Fact]
    public async Task Push_ServerErrorThenSuccess_TranscriptDeliveredAfterTwoAttemptsLikeLine()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var user = LineWebhookClient.NewUserId();
        fixture.Stub.FailNextPushes(user, 503);

        // Act: a stale reply token, so the answer goes by push.
        await fixture.Webhook.PostAsync(ct, LineWebhookClient.Text(user, "こんにちは", "st-ok-" + user, DateTimeOffset.UtcNow.AddMinutes(-5)));

        // Assert
        var deliveries = await Eventually.UntilAsync(async () => await LineDeliveryView.ForCitizenAsync(fixture.Host, user, ct) is { Count: > 0 } all
            && all.All(d => d.State == DeliveryState.Delivered) ? all : null, "the retried delivery", ct);
        AssertAgreeWithLine(deliveries, user);
        var first = deliveries[0];
        Assert.Equal((2, (DateTime?)null, "push", (string?)null), (first.Attempts, first.Activity.NextAttemptAtUtc, first.Method, first.Line!.LastError));
        Assert.DoesNotContain(first.Activity.Id.ToString(), await FailedListAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_ServerErrorOnEveryAttempt_TranscriptFailedListedWithLinesError()
    {
        // Arrange
        var ct = TestTimeout.Token(90);
        var user = LineWebhookClient.NewUserId();
        fixture.Stub.FailNextPushes(user, [.. Enumerable.Repeat(500, MaxDeliveryAttempts)]);

        // Act
        await fixture.Webhook.PostAsync(ct, LineWebhookClient.Text(user, "こんにちは", "st-fail-" + user, DateTimeOffset.UtcNow.AddMinutes(-5)));

        // Assert
        var deliveries = await Eventually.UntilAsync(async () => await LineDeliveryView.ForCitizenAsync(fixture.Host, user, ct) is { Count: > 0 } all
            && all[0].State == DeliveryState.Failed && all.All(d => d.State != DeliveryState.Pending) ? all : null, "the delivery given up", ct);
        AssertAgreeWithLine(deliveries, user);
        var failed = deliveries[0];
        Assert.Equal((MaxDeliveryAttempts, (DateTime?)null, (string?)null), (failed.Attempts, failed.Activity.NextAttemptAtUtc, failed.Method));
        Assert.StartsWith("push: 500", failed.Line!.LastError, StringComparison.Ordinal);
        using var listed = JsonDocument.Parse(await FailedListAsync(ct));
        var entry = Assert.Single(listed.RootElement.EnumerateArray(), e => e.GetProperty("activityId").GetGuid() == failed.Activity.Id);
        Assert.Equal(MaxDeliveryAttempts, entry.GetProperty("attempts").GetInt32());
        Assert.Equal(failed.Line.LastError, entry.GetProperty("lastError").GetString());
    }

    // Each message's attempts are the pushes LINE received under its retry key, and it is delivered exactly when the
    // last of them was accepted (200, or 409 for a key LINE had already accepted).
    private void AssertAgreeWithLine(List<LineDeliveryView> deliveries, string user)
    {
        foreach (var delivery in deliveries)
        {
            var key = Assert.IsType<Guid>(delivery.Line?.RetryKey).ToString();
            var pushes = fixture.Stub.Pushes(user).Where(p => string.Equals(p.RetryKey, key, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal(delivery.Attempts, pushes.Count);
            Assert.Equal(delivery.State == DeliveryState.Delivered, pushes[^1].Status is 200 or 409);
            Assert.Equal(delivery.State == DeliveryState.Delivered ? "push" : null, delivery.Method);
            Assert.Equal(delivery.State == DeliveryState.Delivered, delivery.Line!.LastError is null);
        }
    }

    private async Task<string> FailedListAsync(CancellationToken ct)
    {
        using var supervisor = await fixture.Host.SignInAsync("supervisor", ct);
        return await supervisor.GetStringAsync("/api/line/failed-deliveries", ct);
    }
}

public sealed class SqliteLineDeliveryStateTests(SqliteLineHostFixture fixture) : LineDeliveryStateTests<SqliteLineHostFixture>(fixture);

public sealed class PostgresLineDeliveryStateTests(PostgresLineHostFixture fixture) : LineDeliveryStateTests<PostgresLineHostFixture>(fixture);
