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

    public init(order: RepairOrder, plate: String, model: String, customerName: String, advisorName: String, jobs: [Job], checks: [QualityCheck], qcPassed: Bool, items: [DeliveryItem], finalLabour: Fen, finalParts: Fen, callbackWindowHours: Int, operatorMayOverride: Bool) {
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
