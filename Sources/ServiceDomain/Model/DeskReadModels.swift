import Foundation

// Read models the store fills and the console shows as they are (no mirror types in the console).

/// One vehicle in a search result.
public struct VehicleSummary: Sendable, Equatable {
    public var id: RowID
    /// Normalized (`粤A12345`); show it with `Plate.display`.
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

/// One customer found by the reception search, with their vehicles (matching ones first).
public struct SearchHit: Sendable, Equatable {
    public var customerID: RowID
    public var name: String
    /// Normalized; mask them (`PhoneNumber.masked`) in lists.
    public var phones: [String]
    /// The flags the desk treats with care (shown in the Find list).
    public var isOutOfWarrantyOwner: Bool
    public var isUsedCarOwner: Bool
    public var vehicles: [VehicleSummary]

    public init(customerID: RowID, name: String, phones: [String], isOutOfWarrantyOwner: Bool = false,
                isUsedCarOwner: Bool = false, vehicles: [VehicleSummary]) {
        self.customerID = customerID
        self.name = name
        self.phones = phones
        self.isOutOfWarrantyOwner = isOutOfWarrantyOwner
        self.isUsedCarOwner = isUsedCarOwner
        self.vehicles = vehicles
    }
}

/// Everything the reception screen shows about one customer.
public struct CustomerCard: Sendable, Equatable {
    public var customer: Customer
    public var vehicles: [Vehicle]
    /// Per vehicle id, newest reading first.
    public var mileage: [RowID: [MileageReading]]
    /// Newest first, at most 10.
    public var lastVisits: [RepairOrder]
    public var openComplaints: [Complaint]
    /// Work declined on earlier visits (newest first): offered again at the next check-in.
    public var declinedWork: [Job]

    public init(customer: Customer, vehicles: [Vehicle], mileage: [RowID: [MileageReading]], lastVisits: [RepairOrder],
                openComplaints: [Complaint], declinedWork: [Job] = []) {
        self.customer = customer
        self.vehicles = vehicles
        self.mileage = mileage
        self.lastVisits = lastVisits
        self.openComplaints = openComplaints
        self.declinedWork = declinedWork
    }
}

/// One appointment as the appointments panel lists it: who, which car, and its state.
public struct AppointmentListing: Sendable, Equatable {
    public var appointment: Appointment
    public var customerName: String
    /// Normalized; masked in lists.
    public var phone: String
    public var plate: String
    public var model: String

    public init(appointment: Appointment, customerName: String, phone: String, plate: String, model: String) {
        self.appointment = appointment
        self.customerName = customerName
        self.phone = phone
        self.plate = plate
        self.model = model
    }
}
