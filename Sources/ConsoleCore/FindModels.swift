import Foundation
import ServiceDomain

// The find panel and the customer card show the store's read models as they come (ServiceDomain's
// `SearchHit`, `VehicleSummary`, `CustomerCard`): no copies.

/// A row of the Find table: a customer and one of their vehicles (or none).
public struct FindRow: Sendable, Equatable {
    public var customer: SearchHit
    public var vehicle: VehicleSummary?
    public init(customer: SearchHit, vehicle: VehicleSummary?) {
        self.customer = customer
        self.vehicle = vehicle
    }
}

extension Array where Element == SearchHit {
    /// One row per vehicle so a plate search points at the car; customers without a car get one row.
    public var findRows: [FindRow] {
        flatMap { c in c.vehicles.isEmpty ? [FindRow(customer: c, vehicle: nil)] : c.vehicles.map { FindRow(customer: c, vehicle: $0) } }
    }
}
