namespace Gongkai.Bench;

internal static class Quantile
{
    /// <summary>The nearest-rank quantile of times sorted in increasing order (0.95 → p95).</summary>
    public static double At(List<double> sorted, double quantile) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}
