import Foundation

/// One row of the waiting board, joined in SQL so a page is one query.
public struct BoardRow: Sendable, Equatable {
    public var id: RowID
    public var number: String
    public var version: Int
    public var plate: String
    public var customerName: String
    /// Normalized (the view masks it).
    public var phone: String
    public var advisorID: RowID?
    public var advisorName: String
    /// Technicians on the order's open jobs, joined with "、".
    public var technicians: String
    public var stage: ROStage
    public var repairClass: RepairClass
    public var openedAt: Date
    public var promisedAt: Date
    public var stageSince: Date
    public var isWaiter: Bool
    public var delayNotices: Int
    public var qcPassed: Bool
    public var heldFrom: ROStage?

    public func risk(now: Date) -> PromiseRisk {
        PromiseRisk.risk(openedAt: openedAt, promisedAt: promisedAt, stage: stage, now: now)
    }

    public init(id: RowID, number: String, version: Int, plate: String, customerName: String, phone: String, advisorID: RowID?, advisorName: String, technicians: String, stage: ROStage, repairClass: RepairClass, openedAt: Date, promisedAt: Date, stageSince: Date, isWaiter: Bool, delayNotices: Int, qcPassed: Bool, heldFrom: ROStage?) {
        self.id = id
        self.number = number
        self.version = version
        self.plate = plate
        self.customerName = customerName
        self.phone = phone
        self.advisorID = advisorID
        self.advisorName = advisorName
        self.technicians = technicians
        self.stage = stage
        self.repairClass = repairClass
        self.openedAt = openedAt
        self.promisedAt = promisedAt
        self.stageSince = stageSince
        self.isWaiter = isWaiter
        self.delayNotices = delayNotices
        self.qcPassed = qcPassed
        self.heldFrom = heldFrom
    }
}

/// A page of the board and the counts for the whole filtered board.
public struct BoardPage: Sendable, Equatable {
    public var rows: [BoardRow]
    public var offset: Int
    public var total: Int
    public var missed: Int
    public var atRisk: Int

    public init(rows: [BoardRow], offset: Int, total: Int, missed: Int, atRisk: Int) {
        self.rows = rows
        self.offset = offset
        self.total = total
        self.missed = missed
        self.atRisk = atRisk
    }
}

/// An order opened for actions: jobs with their technicians, stage history, QC and delay notices.
public struct RODetail: Sendable, Equatable {
    public var order: RepairOrder
    public var jobs: [Job]
    public var technicianNames: [RowID: String]
    public var history: [StageChange]
    public var checks: [QualityCheck]
    public var delays: [DelayNotice]
    public var qcPassed: Bool
    public var heldFrom: ROStage?

    public init(order: RepairOrder, jobs: [Job], technicianNames: [RowID: String], history: [StageChange], checks: [QualityCheck], delays: [DelayNotice], qcPassed: Bool, heldFrom: ROStage?) {
        self.order = order
        self.jobs = jobs
        self.technicianNames = technicianNames
        self.history = history
        self.checks = checks
        self.delays = delays
        self.qcPassed = qcPassed
        self.heldFrom = heldFrom
    }
}

/// A staff member offered for dispatch or filtering.
public struct StaffChoice: Sendable, Equatable {
    public var id: RowID
    public var name: String
    public var skillLevel: Int
    /// Technicians: lines still to do on open orders (the dispatch picker shows the load).
    public var openJobs: Int

    public init(id: RowID, name: String, skillLevel: Int, openJobs: Int = 0) {
        self.id = id
        self.name = name
        self.skillLevel = skillLevel
        self.openJobs = openJobs
    }
}
