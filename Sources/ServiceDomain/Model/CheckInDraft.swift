import Foundation

/// A validated check-in, ready for the store: new customer / car (if any), the order and its concern.
/// The check-in form builds it; `ServiceDesk.checkIn` saves it in one transaction.
public struct CheckInDraft: Sendable, Equatable {
    public var newCustomer: Customer?
    public var newVehicle: Vehicle?
    public var order: RepairOrder
    /// Why the mileage is below the last reading; empty when it is not.
    public var odometerReason: String
    public var concern: Concern
    /// The order's first work line(s): the estimate as typed (labour, parts, hours).
    public var jobs: [Job]
    public var arrivedAt: Date
    public var valuablesReminded: Bool
    public var shopName: String

    public init(newCustomer: Customer?, newVehicle: Vehicle?, order: RepairOrder, odometerReason: String,
                concern: Concern, jobs: [Job], arrivedAt: Date, valuablesReminded: Bool, shopName: String) {
        self.newCustomer = newCustomer
        self.newVehicle = newVehicle
        self.order = order
        self.odometerReason = odometerReason
        self.concern = concern
        self.jobs = jobs
        self.arrivedAt = arrivedAt
        self.valuablesReminded = valuablesReminded
        self.shopName = shopName
    }
}
