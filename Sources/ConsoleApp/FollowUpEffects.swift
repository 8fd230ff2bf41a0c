import ConsoleCore
import Foundation
import ServiceDomain
import ServiceStore

/// Performs the follow-up panels' store work and reports back as actions.
enum FollowUpEffects {
    static func perform(_ request: FollowUpRequest, _ context: EffectContext) -> [Action] {
        let db = context.db
        let desk = context.desk
        let now = context.now
        switch request {
        case .load:
            return attempt {
                var staff = try db.advisors()
                for s in try db.allStaff() where s.isActive && s.roles.contains(.manager) && !staff.contains(where: { $0.id == s.id }) {
                    staff.append(StaffChoice(id: s.id!, name: s.name, skillLevel: s.skillLevel))
                }
                return .loaded(FollowUpSnapshot(queue: try db.callbackQueue(now: now), tasks: try db.messageOrLetterTasks(now: now),
                                                complaints: try db.complaintRows(now: now), settings: try db.followUpSettings(),
                                                complaintSettings: try db.complaintSettings(), staff: staff))
            }
        case .loadComplaint(let id):
            return attempt {
                guard let row = try db.complaintRow(id: id) else { return .complaintLoaded(nil) }
                return .complaintLoaded(ComplaintDetail(row: row, history: try db.complaintHistory(complaintID: id)))
            }
        case .recordOutcome(let id, let version, let outcome, let callBackAt):
            return attempt {
                let result = try desk.recordCall(callbackID: id, version: version, outcome: outcome, callBackAt: callBackAt,
                                                 now: now)
                let retry = result.callback.nextTryAt.map { clock($0, context) }
                return .saved(FollowUpStrings.attemptSaved(outcome, retryAt: retry, unreachable: result.needsMessageOrLetter))
            }
        case .completeCallback(let id, let version, let answers):
            return attempt {
                .callbackCompleted(try desk.completeCallback(callbackID: id, version: version, answers: answers, now: now))
            }
        case .openComplaint(let customerID, let vehicleID, let channel, let category, let description):
            return attempt {
                let c = try desk.openComplaint(customerID: customerID, vehicleID: vehicleID, category: category,
                                               channel: channel, description: description, now: now)
                return .complaintSaved(FollowUpStrings.complaintOpened, complaintID: c.id!)
            }
        case .advanceComplaint(let id, let version, let step, let note, let closing, let category):
            return attempt {
                let change = try desk.advanceComplaint(id: id, version: version, to: step, note: note, closing: closing,
                                                       category: category, now: now)
                let due = change.confirmationCallback.map { clock($0.dueAt, context) }
                return .complaintSaved(FollowUpStrings.complaintStepSaved(step, confirmationDue: due), complaintID: id)
            }
        case .markMessageSent(let id, let version):
            return attempt {
                try desk.markMessageSent(callbackID: id, version: version, now: now)
                return .saved(FollowUpStrings.messageSentSaved)
            }
        case .takeComplaint(let id, let version):
            return attempt {
                try desk.takeComplaint(id: id, version: version, now: now)
                return .complaintSaved(FollowUpStrings.complaintTaken, complaintID: id)
            }
        case .setCallWindow(let customerID, let name, let window):
            return attempt {
                let moved = try desk.setCallWindow(customerID: customerID, window: window, now: now)
                let first = moved.map(FollowUpRules.nextCallAt).min().map { clock($0, context) }
                return .saved(FollowUpStrings.callWindowSaved(FreeText.sanitize(name), window, moved: moved.count, firstAt: first))
            }
        case .handOver(let id, let version, let to, let note):
            return attempt {
                try desk.handOverComplaint(id: id, version: version, to: to, note: note, now: now)
                return .complaintSaved(FollowUpStrings.complaintHandedOver, complaintID: id)
            }
        }
    }

    private static func clock(_ date: Date, _ context: EffectContext) -> String {
        ShopTime.monthDayClock(date, context.timeZone)
    }

    private static func attempt(_ body: () throws -> FollowUpEvent) -> [Action] {
        do { return [.followUp(try body())] } catch {
            let message = (error as? UserFacingError)?.message
                ?? Strings.changeFailed(error.localizedDescription)
            return [.followUp(.failed(message))]
        }
    }
}
