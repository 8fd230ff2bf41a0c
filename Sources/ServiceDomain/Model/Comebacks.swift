import Foundation

public enum ComebackSource: String, Sendable, Codable, CaseIterable {
    case checkIn, followUp, leadSearch
    /// Found by the comeback rules over an imported repair-order history (`advisor import-history`).
    case historyImport
}

public enum ComebackStatus: String, Sendable, Codable, CaseIterable {
    case candidate, confirmed, dismissed
}

public enum RootCause: String, Sendable, Codable, CaseIterable {
    case misdiagnosis, workmanship, partFailure, partNotAvailable, differentConcern, customerUse
}

/// A later visit that may be a repeat repair of an earlier one.
public struct Comeback: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var earlierRepairOrderID: RowID
    /// Nil while the comeback is only flagged from a follow-up call and the car has not returned yet.
    public var laterRepairOrderID: RowID?
    public var source: ComebackSource
    public var status: ComebackStatus
    public var rootCause: RootCause?
    public var responsibleTechnicianID: RowID?
    public var decidedByID: RowID?
    public var decidedAt: Date?
    public var reason: String
    public var createdAt: Date
    public var version: Int

    public init(id: RowID? = nil, earlierRepairOrderID: RowID, laterRepairOrderID: RowID?, source: ComebackSource,
                status: ComebackStatus = .candidate, rootCause: RootCause? = nil, responsibleTechnicianID: RowID? = nil,
                decidedByID: RowID? = nil, decidedAt: Date? = nil, reason: String = "", createdAt: Date,
                version: Int = 0) {
        self.id = id
        self.earlierRepairOrderID = earlierRepairOrderID
        self.laterRepairOrderID = laterRepairOrderID
        self.source = source
        self.status = status
        self.rootCause = rootCause
        self.responsibleTechnicianID = responsibleTechnicianID
        self.decidedByID = decidedByID
        self.decidedAt = decidedAt
        self.reason = reason
        self.createdAt = createdAt
        self.version = version
    }
}
