import Foundation
import ServiceDomain

/// One vehicle in a search result.
public struct FoundVehicle: Sendable, Equatable {
    public var id: RowID
    /// Normalized plate (`粤A12345`).
    public var plate: String
    public var model: String
    public var vin: String?
    public init(id: RowID, plate: String, model: String, vin: String?) {
        self.id = id
        self.plate = plate
        self.model = model
        self.vin = vin
    }
}

/// One customer in a search result, with the vehicles that matched or that they own.
public struct FoundCustomer: Sendable, Equatable {
    public var customerID: RowID
    public var name: String
    /// Normalized phones; the view masks them.
    public var phones: [String]
    public var isOutOfWarrantyOwner: Bool
    public var isUsedCarOwner: Bool
    public var vehicles: [FoundVehicle]
    public init(customerID: RowID, name: String, phones: [String], isOutOfWarrantyOwner: Bool = false,
                isUsedCarOwner: Bool = false, vehicles: [FoundVehicle]) {
        self.customerID = customerID
        self.name = name
        self.phones = phones
        self.isOutOfWarrantyOwner = isOutOfWarrantyOwner
        self.isUsedCarOwner = isUsedCarOwner
        self.vehicles = vehicles
    }
}

/// A row of the Find table: a customer and one of their vehicles (or none).
public struct FindRow: Sendable, Equatable {
    public var customer: FoundCustomer
    public var vehicle: FoundVehicle?
    public init(customer: FoundCustomer, vehicle: FoundVehicle?) {
        self.customer = customer
        self.vehicle = vehicle
    }
}

extension Array where Element == FoundCustomer {
    /// One row per vehicle so a plate search points at the car; customers without a car get one row.
    public var findRows: [FindRow] {
        flatMap { c in c.vehicles.isEmpty ? [FindRow(customer: c, vehicle: nil)] : c.vehicles.map { FindRow(customer: c, vehicle: $0) } }
    }
}

/// What the customer card shows.
public struct CustomerCardData: Sendable, Equatable {
    public var customer: Customer
    public var vehicles: [Vehicle]
    /// Newest first, per vehicle id.
    public var mileage: [RowID: [MileageReading]]
    /// Newest first.
    public var lastVisits: [RepairOrder]
    public var openComplaints: [Complaint]
    public init(customer: Customer, vehicles: [Vehicle], mileage: [RowID: [MileageReading]],
                lastVisits: [RepairOrder], openComplaints: [Complaint]) {
        self.customer = customer
        self.vehicles = vehicles
        self.mileage = mileage
        self.lastVisits = lastVisits
        self.openComplaints = openComplaints
    }
}
