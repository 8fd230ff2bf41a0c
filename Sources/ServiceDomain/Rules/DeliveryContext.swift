import Foundation

/// What the delivery panel shows for one order ready for pickup.
public struct DeliveryContext: Sendable, Equatable {
    public var order: RepairOrder
    public var plate: String
    public var model: String
    public var customerName: String
    public var advisorName: String
    public var jobs: [Job]
    public var checks: [QualityCheck]
    public var qcPassed: Bool
    public var items: [DeliveryItem]
    public var finalLabour: Fen
    public var finalParts: Fen
    public var callbackWindowHours: Int
    /// The operator may override missing items (see `DeliveryChecklist.mayOverride`).
    public var operatorMayOverride: Bool
    /// The latest QC failed: nothing lets the car out until a later check passes.
    public var qcFailed: Bool
    /// The shop requires QC for every order (`QCRules.requiredForAllSettingKey`).
    public var qcRequiredForAll: Bool

    public init(order: RepairOrder, plate: String, model: String, customerName: String, advisorName: String, jobs: [Job], checks: [QualityCheck], qcPassed: Bool, items: [DeliveryItem], finalLabour: Fen, finalParts: Fen, callbackWindowHours: Int, operatorMayOverride: Bool, qcFailed: Bool = false, qcRequiredForAll: Bool = false) {
        self.order = order
        self.plate = plate
        self.model = model
        self.customerName = customerName
        self.advisorName = advisorName
        self.jobs = jobs
        self.checks = checks
        self.qcPassed = qcPassed
        self.items = items
        self.finalLabour = finalLabour
        self.finalParts = finalParts
        self.callbackWindowHours = callbackWindowHours
        self.operatorMayOverride = operatorMayOverride
        self.qcFailed = qcFailed
        self.qcRequiredForAll = qcRequiredForAll
    }

    /// Whether the data already satisfies this item (shared by the panel and the store's gate).
    public func isSatisfiedByData(_ item: DeliveryItem) -> Bool {
        DeliveryChecklist.isSatisfiedByData(item, jobs: jobs, repairClass: order.repairClass, qcPassed: qcPassed,
                                            finalTotal: finalLabour + finalParts, estimateTotal: order.estimateTotal,
                                            qcFailed: qcFailed, qcRequiredForAll: qcRequiredForAll)
    }
}

/// What a delivery saved: the order as delivered and the follow-up call scheduled.
public struct DeliveryResult: Sendable, Equatable {
    public var order: RepairOrder
    public var callback: Callback
    public var summary: String

    public init(order: RepairOrder, callback: Callback, summary: String) {
        self.order = order
        self.callback = callback
        self.summary = summary
    }
}
