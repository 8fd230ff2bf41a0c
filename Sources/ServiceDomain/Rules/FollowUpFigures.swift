import Foundation

/// The follow-up figures the reports show, over the callbacks and complaints given.
public struct FollowUpFigures: Sendable, Equatable {
    public var callbacksDue = 0
    public var completedWithinWindow = 0
    /// Callbacks closed (reached, declined or unreachable) over those closed, counting reached or declined.
    public var reached = 0
    public var closed = 0
    public var scores: [Int: Int] = [:]
    public var averageScore: Double?
    /// Share of scores that are 9 or 10 (0…1), nil without scores.
    public var topBoxShare: Double?
    public var complaintsByCategory: [ComplaintCategory: Int] = [:]
    /// Median hours from opening to first contact, and to resolution.
    public var medianFirstContactHours: Double?
    public var medianResolutionHours: Double?

    public var reachRate: Double? { closed == 0 ? nil : Double(reached) / Double(closed) }

    public init() {}

    public static func compute(callbacks: [Callback], complaints: [Complaint]) -> FollowUpFigures {
        var f = FollowUpFigures()
        let afterDelivery = callbacks.filter { $0.kind == .afterDelivery }
        f.callbacksDue = afterDelivery.count
        for c in afterDelivery {
            if c.status == .completed, let done = c.completedAt, done <= c.dueAt { f.completedWithinWindow += 1 }
            if c.status != .open { f.closed += 1 }
            if c.status == .completed || c.status == .declined { f.reached += 1 }
            if let s = c.satisfaction, (1...10).contains(s) { f.scores[s, default: 0] += 1 }
        }
        let total = f.scores.values.reduce(0, +)
        if total > 0 {
            f.averageScore = Double(f.scores.reduce(0) { $0 + $1.key * $1.value }) / Double(total)
            f.topBoxShare = Double((f.scores[9] ?? 0) + (f.scores[10] ?? 0)) / Double(total)
        }
        for c in complaints { f.complaintsByCategory[c.category, default: 0] += 1 }
        f.medianFirstContactHours = median(complaints.compactMap { c in c.firstContactAt.map { $0.timeIntervalSince(c.openedAt) / 3600 } })
        f.medianResolutionHours = median(complaints.compactMap { c in c.resolvedAt.map { $0.timeIntervalSince(c.openedAt) / 3600 } })
        return f
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
