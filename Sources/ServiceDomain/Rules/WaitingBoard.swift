import Foundation

/// A "delay notified" log entry: the customer was told the car will be late, and the new promise.
public struct DelayNotice: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var repairOrderID: RowID
    public var oldPromisedAt: Date
    public var newPromisedAt: Date
    public var at: Date
    public var operatorID: RowID?
    public var note: String

    public init(id: RowID? = nil, repairOrderID: RowID, oldPromisedAt: Date, newPromisedAt: Date, at: Date,
                operatorID: RowID?, note: String = "") {
        self.id = id
        self.repairOrderID = repairOrderID
        self.oldPromisedAt = oldPromisedAt
        self.newPromisedAt = newPromisedAt
        self.at = at
        self.operatorID = operatorID
        self.note = note
    }
}

/// How the waiting board orders its rows.
public enum WaitingBoardSort: String, Sendable, CaseIterable, Equatable {
    /// Missed first, then at risk, then on track; earliest promise first within each.
    case risk
    case promised
    case stage
    case advisor
    /// Longest in its current stage first.
    case timeInStage

    public var label: Message {
        switch self {
        case .risk: Message(zh: "风险", en: "risk")
        case .promised: Message(zh: "承诺时间", en: "promised time")
        case .stage: Message(zh: "状态", en: "stage")
        case .advisor: Message(zh: "顾问", en: "advisor")
        case .timeInStage: Message(zh: "停留时长", en: "time in stage")
        }
    }
}

/// Which open orders the board shows.
public struct WaitingBoardFilter: Sendable, Equatable {
    public var advisorID: RowID?
    public var stage: ROStage?
    public var waitersOnly: Bool

    public init(advisorID: RowID? = nil, stage: ROStage? = nil, waitersOnly: Bool = false) {
        self.advisorID = advisorID
        self.stage = stage
        self.waitersOnly = waitersOnly
    }

    public var isEmpty: Bool { advisorID == nil && stage == nil && !waitersOnly }
}

public enum WaitingBoardRules {
    /// The open stages in workshop order (the stage filter cycles through these).
    public static let openStages: [ROStage] = ROStage.allCases.filter(\.isOpen)

    /// A new promised time must be later than now and than the old promise, while the shop is open.
    public static func checkDelay(oldPromisedAt: Date, newPromisedAt: Date, now: Date, hours: ShopHours,
                                  timeZone: TimeZone) throws {
        try PromiseRules.checkDelay(oldPromisedAt: oldPromisedAt, newPromisedAt: newPromisedAt, now: now, hours: hours,
                                    timeZone: timeZone)
    }

    /// `HH:mm` (today) or `MM-dd HH:mm` (this year), in the shop's zone. A time of day that has passed stays
    /// today, so `PromiseRules` refuses it with the reason instead of it quietly becoming tomorrow.
    public static func parsePromise(_ raw: String, now: Date, timeZone: TimeZone) throws -> Date {
        let text = FreeText.sanitize(raw).trimmingCharacters(in: .whitespaces)
        let calendar = ShopCalendar.calendar(timeZone)
        let parts = text.split(separator: " ").map(String.init)
        let bad = ValidationError(field: .promisedTime, message: Message(
            zh: "承诺交车时间“\(text)”格式不对：请输入 HH:mm（如 17:30）或 MM-dd HH:mm（如 11-23 10:00）",
            en: "Promised time \"\(text)\" not understood: type HH:mm (17:30) or MM-dd HH:mm (11-23 10:00)"))
        guard (1...2).contains(parts.count) else { throw bad }
        let clock = parts.last!.split(separator: ":").compactMap { Int($0) }
        guard clock.count == 2, (0...23).contains(clock[0]), (0...59).contains(clock[1]) else { throw bad }
        var c = calendar.dateComponents([.year, .month, .day], from: now)
        if parts.count == 2 {
            let md = parts[0].split(separator: "-").compactMap { Int($0) }
            guard md.count == 2, (1...12).contains(md[0]), (1...31).contains(md[1]) else { throw bad }
            c.month = md[0]
            c.day = md[1]
        }
        c.hour = clock[0]
        c.minute = clock[1]
        guard let date = calendar.date(from: c), calendar.component(.day, from: date) == c.day else { throw bad }
        return date
    }

    /// `2h05m`, `45m`, `-1h10m` for time left or time in stage.
    public static func duration(_ seconds: TimeInterval) -> String {
        let negative = seconds < 0
        let minutes = Int((abs(seconds) / 60).rounded(.down))
        let text = minutes >= 60 ? "\(minutes / 60)h\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)m" : "\(minutes)m"
        return (negative ? "-" : "") + text
    }
}
