using System.Runtime.InteropServices;

namespace Gongkai.Bench;

/// <summary>
/// The processor time this process has used, to the microsecond (getrusage; Linux and macOS): what a request costs
/// whatever else the machine runs — on a shared machine, wall-clock tails are mostly other people's work.
/// (<see cref="System.Diagnostics.Process.TotalProcessorTime"/> counts in 10 ms ticks on Linux, too coarse for a search.)
/// </summary>
internal static partial class CpuClock
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Usage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetUsage(int who, out Usage usage);

    /// <summary>Milliseconds of processor time (user and system) used so far by the whole process.</summary>
    public static double Milliseconds()
    {
        if (GetUsage(0, out var u) != 0)   // RUSAGE_SELF
            return 0;
        return (u.UserSeconds + u.SystemSeconds) * 1000.0 + (u.UserMicroseconds + u.SystemMicroseconds) / 1000.0;
    }
}
