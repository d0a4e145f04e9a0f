using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using QueueBoard.Web.Options;

namespace QueueBoard.Web.Auth;

/// <summary>
/// Recognises the command-centre token, for the bearer sign-in of the API and the Basic sign-in of the Orleans dashboard.
/// Only the token's hash is kept, and presented tokens are hashed before a fixed-time comparison, so neither the
/// comparison's time nor the token's length tells an attacker anything.
/// </summary>
public sealed class AdminToken(IOptions<QueueBoardOptions> options)
{
    private readonly byte[]? _hash = string.IsNullOrEmpty(options.Value.AdminToken)
        ? null
        : SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.AdminToken));

    public bool Matches(string token) =>
        _hash is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), _hash);
}
