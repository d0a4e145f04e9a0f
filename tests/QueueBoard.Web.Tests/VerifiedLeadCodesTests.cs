using Microsoft.Extensions.Time.Testing;
using QueueBoard.Web.Auth;

namespace QueueBoard.Web.Tests;

/// <summary>
/// A node's memory of lead codes that passed their site's check: it stands for ten seconds, never for another site, and
/// a revocation through the node ends it at once, including a check that was under way when the codes were revoked.
/// </summary>
public sealed class VerifiedLeadCodesTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly VerifiedLeadCodes _codes;

    public VerifiedLeadCodesTests() => _codes = new VerifiedLeadCodes(_time);

    [Fact]
    public void A_code_that_passed_stands_for_its_lifetime_and_only_for_its_site()
    {
        _codes.Passed("hash", "site-a", _codes.Now());

        Assert.True(_codes.Holds("hash", "site-a"));
        Assert.False(_codes.Holds("hash", "site-b"));
        Assert.False(_codes.Holds("other", "site-a"));

        _time.Advance(VerifiedLeadCodes.Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.True(_codes.Holds("hash", "site-a"));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(_codes.Holds("hash", "site-a"));
    }

    [Fact]
    public void A_revocation_forgets_the_sites_codes_at_once_and_a_check_begun_before_it_is_not_kept()
    {
        _codes.Passed("a1", "site-a", _codes.Now());
        _codes.Passed("b1", "site-b", _codes.Now());
        var underWay = _codes.Now();
        _time.Advance(TimeSpan.FromMilliseconds(5));

        _codes.Revoked("site-a");
        _codes.Passed("a2", "site-a", underWay);

        Assert.False(_codes.Holds("a1", "site-a"));
        Assert.False(_codes.Holds("a2", "site-a"));
        Assert.True(_codes.Holds("b1", "site-b"));

        // A code issued and checked after the revocation is trusted again.
        _time.Advance(TimeSpan.FromMilliseconds(5));
        _codes.Passed("a3", "site-a", _codes.Now());
        Assert.True(_codes.Holds("a3", "site-a"));
    }
}
