import HFCore

extension ChatCompletionRequest {
    /// Checks the request before anything is sent; a bad field fails with a
    /// ``HFError/Category/validation`` error naming it and what is allowed.
    ///
    /// - Parameter hubModel: `true` when ``model`` must be a Hub id (router and provider routes);
    ///   `false` for a custom endpoint, where any non-empty name is accepted.
    public func validate(hubModel: Bool = true) throws(HFError) {
        if hubModel {
            try model.validate()
        } else {
            try Validation.nonBlank(model.rawValue, field: "model")
        }
        try Validation.count(messages, field: "messages")
        for (index, message) in messages.enumerated() {
            if case .parts(let parts)? = message.content {
                try Validation.count(parts, field: "messages[\(index)].content")
            }
        }
        try Validation.range(temperature, field: "temperature", in: 0...2)
        try Validation.range(topP, field: "top_p", in: 0...1)
        try Validation.range(frequencyPenalty, field: "frequency_penalty", in: -2...2)
        try Validation.range(presencePenalty, field: "presence_penalty", in: -2...2)
        try Validation.range(repetitionPenalty, field: "repetition_penalty", above: 0)
        try Validation.positive(maxTokens, field: "max_tokens")
        try Validation.positive(n, field: "n")
        try Validation.range(topLogprobs, field: "top_logprobs", in: 0...5)
        if topLogprobs != nil, logprobs != true {
            throw .validation(field: "top_logprobs", "needs logprobs set to true")
        }
        if let stop {
            try Validation.count(stop, field: "stop", minimum: 0, maximum: 4)
        }
        switch responseFormat {
        case .jsonSchema(let format)?:
            try Validation.nonBlank(format.name, field: "response_format.json_schema.name")
            try Validation.finite(format.schema, field: "response_format.json_schema.schema")
        case .custom(let object)?:
            try Validation.finite(.object(object), field: "response_format")
        default:
            break
        }
        try Validation.finite(.object(extraFields), field: "extraFields")
        try validateTools()
    }

    private func validateTools() throws(HFError) {
        let names = (tools ?? []).map(\.function.name)
        for (index, tool) in (tools ?? []).enumerated() {
            try Validation.nonBlank(tool.function.name, field: "tools[\(index)].function.name")
            try Validation.finite(tool.function.parameters, field: "tools[\(index)].function.parameters")
        }
        switch toolChoice {
        case .function(let name)?:
            guard names.contains(name) else {
                let given = names.isEmpty ? "the request has no tools" : "the request's tools are: \(names.joined(separator: ", "))"
                throw .validation(field: "tool_choice", "names the function \"\(name)\", which is not among the tools given; \(given)")
            }
        case .required?:
            if names.isEmpty {
                throw .validation(field: "tool_choice", "is \"required\" but the request has no tools")
            }
        default:
            break
        }
    }
}
