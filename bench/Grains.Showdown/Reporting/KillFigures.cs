namespace Grains.Showdown.Reporting;

/// <param name="FailedRequests">Requests of the kill phase not answered 2xx (after the kill, in practice).</param>
/// <param name="SessionsLost">Users whose token, issued before the kill, was refused (401) after it.</param>
/// <param name="CartLinesLost">Cart lines (user and SKU) holding fewer units at the end than the adds acknowledged for them.</param>
/// <param name="RecoverySeconds">From the kill until every user had a cart request that started after the kill answered 200; null when some user had none by the end of the phase.</param>
internal sealed record KillFigures(int FailedRequests, int SessionsLost, int CartLinesLost, double? RecoverySeconds);
