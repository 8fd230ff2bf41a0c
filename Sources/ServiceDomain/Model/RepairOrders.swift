import Foundation

public enum ServiceType: String, Sendable, Codable, CaseIterable {
    case maintenance, repair, warranty, accident, recall
}

/// The class of work, which decides the repair quality-warranty window and whether QC is mandatory
/// (Chinese motor-vehicle repair regulations).
public enum RepairClass: String, Sendable, Codable, CaseIterable {
    case majorAssembly      // whole-vehicle or major assembly repair
    case level2Maintenance  // 二级维护
    case level1Maintenance  // 一级维护
    case minorRepair        // 小修
    case specialistRepair   // 专项修理
}

public enum ConcernCategory: String, Sendable, Codable, CaseIterable {
    case engine, transmission, brakes, suspension, electrical, airConditioning, body, tyres, maintenance, noise, other
}

/// A repair order's stage in the workshop.
public enum ROStage: String, Sendable, Codable, CaseIterable {
    case checkedIn, dispatched, inProgress, waitingParts, qualityCheck, washing, readyForPickup, delivered
    case onHold, cancelled

    public var isOpen: Bool { self != .delivered && self != .cancelled }
}

public enum FuelLevel: String, Sendable, Codable, CaseIterable {
    case empty, quarter, half, threeQuarters, full
}

public struct RepairOrder: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    /// `RO-20261122-0007`
    public var number: String
    public var customerID: RowID
    public var vehicleID: RowID
    public var advisorID: RowID?
    public var appointmentID: RowID?
    public var serviceType: ServiceType
    public var repairClass: RepairClass
    public var stage: ROStage
    public var openedAt: Date
    public var promisedAt: Date
    /// Delivered or cancelled time.
    public var closedAt: Date?
    public var mileageIn: Int
    public var fuelLevel: FuelLevel
    public var isWaiter: Bool
    public var walkAroundNotes: String
    /// Phone for progress updates (normalized).
    public var contactPhone: String
    public var preferredCallbackTime: String
    public var estimateLabour: Fen
    public var estimateParts: Fen
    public var finalLabour: Fen?
    public var finalParts: Fen?
    /// Seconds from the customer's logged arrival to the saved RO (the one-minute target).
    public var checkInSeconds: Int?
    public var holdReason: String
    public var cancelReason: String
    public var version: Int

    public init(id: RowID? = nil, number: String, customerID: RowID, vehicleID: RowID, advisorID: RowID?,
                appointmentID: RowID? = nil, serviceType: ServiceType, repairClass: RepairClass,
                stage: ROStage = .checkedIn, openedAt: Date, promisedAt: Date, closedAt: Date? = nil,
                mileageIn: Int, fuelLevel: FuelLevel = .half, isWaiter: Bool = false, walkAroundNotes: String = "",
                contactPhone: String, preferredCallbackTime: String = "", estimateLabour: Fen = .zero,
                estimateParts: Fen = .zero, finalLabour: Fen? = nil, finalParts: Fen? = nil,
                checkInSeconds: Int? = nil, holdReason: String = "", cancelReason: String = "", version: Int = 0) {
        self.id = id
        self.number = number
        self.customerID = customerID
        self.vehicleID = vehicleID
        self.advisorID = advisorID
        self.appointmentID = appointmentID
        self.serviceType = serviceType
        self.repairClass = repairClass
        self.stage = stage
        self.openedAt = openedAt
        self.promisedAt = promisedAt
        self.closedAt = closedAt
        self.mileageIn = mileageIn
        self.fuelLevel = fuelLevel
        self.isWaiter = isWaiter
        self.walkAroundNotes = walkAroundNotes
        self.contactPhone = contactPhone
        self.preferredCallbackTime = preferredCallbackTime
        self.estimateLabour = estimateLabour
        self.estimateParts = estimateParts
        self.finalLabour = finalLabour
        self.finalParts = finalParts
        self.checkInSeconds = checkInSeconds
        self.holdReason = holdReason
        self.cancelReason = cancelReason
        self.version = version
    }

    public var estimateTotal: Fen { estimateLabour + estimateParts }
}

/// A concern in the customer's own words, with a category used for comeback matching.
public struct Concern: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var repairOrderID: RowID
    public var text: String
    public var category: ConcernCategory

    public init(id: RowID? = nil, repairOrderID: RowID, text: String, category: ConcernCategory) {
        self.id = id
        self.repairOrderID = repairOrderID
        self.text = text
        self.category = category
    }
}

public enum JobStatus: String, Sendable, Codable, CaseIterable {
    case pending, awaitingApproval, approved, declined, done
}

/// How the customer gave their answer on additional work (kept with the answer, as the approval record).
public enum ApprovalMethod: String, Sendable, Codable, CaseIterable {
    case inPerson, phone, message
}

public struct Job: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var repairOrderID: RowID
    public var description: String
    public var technicianID: RowID?
    public var status: JobStatus
    /// Work found in the workshop that needs the customer's approval.
    public var isAdditional: Bool
    public var labour: Fen
    public var parts: Fen
    public var labourHours: Double
    /// For additional work: how the customer answered, who recorded it and when.
    public var approvalMethod: ApprovalMethod?
    public var decidedByID: RowID?
    public var decidedAt: Date?

    public init(id: RowID? = nil, repairOrderID: RowID, description: String, technicianID: RowID? = nil,
                status: JobStatus = .pending, isAdditional: Bool = false, labour: Fen = .zero, parts: Fen = .zero,
                labourHours: Double = 0, approvalMethod: ApprovalMethod? = nil, decidedByID: RowID? = nil,
                decidedAt: Date? = nil) {
        self.id = id
        self.repairOrderID = repairOrderID
        self.description = description
        self.technicianID = technicianID
        self.status = status
        self.isAdditional = isAdditional
        self.labour = labour
        self.parts = parts
        self.labourHours = labourHours
        self.approvalMethod = approvalMethod
        self.decidedByID = decidedByID
        self.decidedAt = decidedAt
    }

    public var total: Fen { labour + parts }
}

/// One stage change, kept for time-in-stage reports.
public struct StageChange: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var repairOrderID: RowID
    public var from: ROStage?
    public var to: ROStage
    public var at: Date
    public var operatorID: RowID?
    public var note: String

    public init(id: RowID? = nil, repairOrderID: RowID, from: ROStage?, to: ROStage, at: Date,
                operatorID: RowID?, note: String = "") {
        self.id = id
        self.repairOrderID = repairOrderID
        self.from = from
        self.to = to
        self.at = at
        self.operatorID = operatorID
        self.note = note
    }
}
