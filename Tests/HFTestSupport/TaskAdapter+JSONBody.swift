import HFCore

extension TaskAdapter {
    /// The provider's JSON body made from a canonical JSON body; fails when the adapter makes
    /// another kind of body.
    package func jsonBody(from canonical: JSONObject, model: TaskModel) throws -> JSONObject {
        guard let json = try body(from: canonical, model: model).json else {
            throw HFError(category: .validation, message: "the adapter for \(task) does not make a JSON body")
        }
        return json
    }
}
