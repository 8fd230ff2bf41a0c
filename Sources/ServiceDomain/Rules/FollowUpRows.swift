import Foundation

/// One line of the callback queue: the call to make and what the caller needs to know.
public struct CallbackRow: Sendable, Equatable, Identifiable {
    public var callback: Callback
    public var roNumber: String
    public var customerID: RowID
    public var customerName: String
    /// The full number: the queue is where the call is made.
    public var phone: String
    public var plate: String
    public var model: String
    public var advisorID: RowID?
    public var advisorName: String
    /// What was done (job descriptions) and by whom (technicians).
    public var workDone: String
    public var technicians: String
    public var preferredCallTime: String
    public var deliveredAt: Date?
    /// The window the calls follow (picked, or read from the preferred call time's words).
    public var callWindow: CallWindow

    public var id: RowID { callback.id ?? 0 }

    public init(callback: Callback, roNumber: String, customerID: RowID, customerName: String, phone: String,
                plate: String, model: String, advisorID: RowID?, advisorName: String, workDone: String,
                technicians: String, preferredCallTime: String, deliveredAt: Date?, callWindow: CallWindow = .anyTime) {
        self.callback = callback
        self.roNumber = roNumber
        self.customerID = customerID
        self.customerName = customerName
        self.phone = phone
        self.plate = plate
        self.model = model
        self.advisorID = advisorID
        self.advisorName = advisorName
        self.workDone = workDone
        self.technicians = technicians
        self.preferredCallTime = preferredCallTime
        self.deliveredAt = deliveredAt
        self.callWindow = callWindow
    }
}

/// What a reached call left behind.
public struct CallbackCompletion: Sendable, Equatable {
    public var callback: Callback
    public var complaint: Complaint?
    public var comeback: Comeback?
    public init(callback: Callback, complaint: Complaint?, comeback: Comeback?) {
        self.callback = callback
        self.complaint = complaint
        self.comeback = comeback
    }
}

/// One complaint as the panel lists it.
public struct ComplaintRow: Sendable, Equatable, Identifiable {
    public var complaint: Complaint
    public var customerName: String
    public var phone: String
    public var plate: String
    public var roNumber: String
    public var ownerName: String
    public var id: RowID { complaint.id ?? 0 }

    public init(complaint: Complaint, customerName: String, phone: String, plate: String, roNumber: String,
                ownerName: String) {
        self.complaint = complaint
        self.customerName = customerName
        self.phone = phone
        self.plate = plate
        self.roNumber = roNumber
        self.ownerName = ownerName
    }
}

/// One recorded step of a complaint, with who recorded it.
public struct ComplaintStepRecord: Sendable, Equatable {
    public var at: Date
    public var step: ComplaintStep
    public var operatorName: String
    public var note: String
    public init(at: Date, step: ComplaintStep, operatorName: String, note: String) {
        self.at = at
        self.step = step
        self.operatorName = operatorName
        self.note = note
    }
}

/// What closing a complaint left behind.
public struct ComplaintChange: Sendable, Equatable {
    public var complaint: Complaint
    /// The confirmation call scheduled when the complaint was resolved.
    public var confirmationCallback: Callback?
    public init(complaint: Complaint, confirmationCallback: Callback?) {
        self.complaint = complaint
        self.confirmationCallback = confirmationCallback
    }
}

