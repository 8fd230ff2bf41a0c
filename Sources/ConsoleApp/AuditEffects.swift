import ConsoleCore
import Foundation
import ServiceDomain
import ServiceStore

/// Performs the audit panels' store work and reports back as actions.
enum AuditEffects {
    static func perform(_ request: AuditRequest, _ context: EffectContext) -> [Action] {}
}
