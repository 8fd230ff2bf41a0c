import Foundation

public enum CallbackKind: String, Sendable, Codable, CaseIterable {
    /// The 24-hour call after delivery.
    case afterDelivery
    /// The confirmation call after a complaint was resolved.
    case complaintConfirmation
}

public enum CallbackStatus: String, Sendable, Codable, CaseIterable {
    case open, completed, unreachable, declined
}

public struct Callback: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var repairOrderID: RowID
    public var kind: CallbackKind
    public var dueAt: Date
    public var status: CallbackStatus
    public var attempts: Int
    public var completedAt: Date?
    /// A time the customer named for the next try.
    public var nextTryAt: Date?
    public var satisfaction: Int?
    /// An unreachable customer is owed a text message or letter: when it went out, and who sent it.
    public var messageSentAt: Date?
    public var messageSentByID: RowID?
    public var version: Int

    public init(id: RowID? = nil, repairOrderID: RowID, kind: CallbackKind = .afterDelivery, dueAt: Date,
                status: CallbackStatus = .open, attempts: Int = 0, completedAt: Date? = nil, nextTryAt: Date? = nil,
                satisfaction: Int? = nil, messageSentAt: Date? = nil, messageSentByID: RowID? = nil, version: Int = 0) {
        self.id = id
        self.repairOrderID = repairOrderID
        self.kind = kind
        self.dueAt = dueAt
        self.status = status
        self.attempts = attempts
        self.completedAt = completedAt
        self.nextTryAt = nextTryAt
        self.satisfaction = satisfaction
        self.messageSentAt = messageSentAt
        self.messageSentByID = messageSentByID
        self.version = version
    }
}

public enum CallOutcome: String, Sendable, Codable, CaseIterable {
    case reached, noAnswer, busy, wrongNumber, callBackLater, declinedSurvey
}

public struct CallAttempt: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var callbackID: RowID
    public var at: Date
    public var outcome: CallOutcome
    public var callerID: RowID?
    public var note: String

    public init(id: RowID? = nil, callbackID: RowID, at: Date, outcome: CallOutcome, callerID: RowID?,
                note: String = "") {
        self.id = id
        self.callbackID = callbackID
        self.at = at
        self.outcome = outcome
        self.callerID = callerID
        self.note = note
    }
}

public enum ComplaintCategory: String, Sendable, Codable, CaseIterable {
    case repairQuality, serviceAttitude, priceOrBill, timeliness, parts, facilities, other
}

public enum ComplaintChannel: String, Sendable, Codable, CaseIterable {
    case callback, phone, walkIn, online
}

/// The six steps of complaint handling.
public enum ComplaintStep: String, Sendable, Codable, CaseIterable {
    case acknowledged, registered, handling, replied, escalated, closed
}

public struct Complaint: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var customerID: RowID
    public var repairOrderID: RowID?
    public var category: ComplaintCategory
    public var channel: ComplaintChannel
    public var step: ComplaintStep
    public var description: String
    public var ownerID: RowID?
    public var openedAt: Date
    public var firstContactAt: Date?
    public var resolvedAt: Date?
    public var closedAt: Date?
    public var closeReason: String
    public var version: Int

    public init(id: RowID? = nil, customerID: RowID, repairOrderID: RowID?, category: ComplaintCategory,
                channel: ComplaintChannel, step: ComplaintStep = .acknowledged, description: String,
                ownerID: RowID? = nil, openedAt: Date, firstContactAt: Date? = nil, resolvedAt: Date? = nil,
                closedAt: Date? = nil, closeReason: String = "", version: Int = 0) {
        self.id = id
        self.customerID = customerID
        self.repairOrderID = repairOrderID
        self.category = category
        self.channel = channel
        self.step = step
        self.description = description
        self.ownerID = ownerID
        self.openedAt = openedAt
        self.firstContactAt = firstContactAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.closeReason = closeReason
        self.version = version
    }

    public var isOpen: Bool { step != .closed }
}
