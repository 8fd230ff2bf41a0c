import Foundation

/// How the waiting board colors a promised time.
public enum PromiseRisk: String, Sendable, CaseIterable, Comparable {
    case missed, atRisk, onTrack

    /// Less time than this before the promise makes the order at risk.
    public static let warningWindow: TimeInterval = 3600
    /// The share of the promised duration an order may sit unstarted (still checked in) before it is at risk.
    public static let idleShare = 0.25

    /// `missed` once `now` reaches `promisedAt`; `atRisk` with less than an hour left, or when more than a
    /// quarter of the promised duration (`promisedAt − openedAt`) has passed and the car is still only
    /// checked in; `onTrack` otherwise. Delivered and cancelled orders carry no risk.
    public static func risk(openedAt: Date, promisedAt: Date, stage: ROStage, now: Date) -> PromiseRisk {
        guard stage.isOpen else { return .onTrack }
        if now >= promisedAt { return .missed }
        if promisedAt.timeIntervalSince(now) < warningWindow { return .atRisk }
        if stage == .checkedIn {
            let promised = promisedAt.timeIntervalSince(openedAt)
            if now.timeIntervalSince(openedAt) > promised * idleShare { return .atRisk }
        }
        return .onTrack
    }

    public var label: Message {
        switch self {
        case .missed: Message(zh: "已超时", en: "Missed")
        case .atRisk: Message(zh: "有风险", en: "At risk")
        case .onTrack: Message(zh: "正常", en: "On track")
        }
    }

    /// Worst first, so sorting puts the cars needing a call at the top.
    public static func < (a: PromiseRisk, b: PromiseRisk) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
