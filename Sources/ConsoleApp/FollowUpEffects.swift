import ConsoleCore
import Foundation
import ServiceDomain
import ServiceStore

/// Performs the follow-up panels' store work and reports back as actions.
enum FollowUpEffects {
    static func perform(_ request: FollowUpRequest, _ context: EffectContext) -> [Action] {}
}
