/// Popular models, as typed ids. Availability changes as providers come and go: ask
/// `client.models.availability(of:)` (HFModels) before relying on one in production.
extension ModelID {
    // MARK: Chat

    /// Meta Llama 3 8B Instruct.
    public static let llama3_8BInstruct: ModelID = "meta-llama/Meta-Llama-3-8B-Instruct"
    /// Meta Llama 3.1 8B Instruct.
    public static let llama3_1_8BInstruct: ModelID = "meta-llama/Llama-3.1-8B-Instruct"
    /// Meta Llama 3.2 3B Instruct.
    public static let llama3_2_3BInstruct: ModelID = "meta-llama/Llama-3.2-3B-Instruct"
    /// Meta Llama 3.3 70B Instruct.
    public static let llama3_3_70BInstruct: ModelID = "meta-llama/Llama-3.3-70B-Instruct"
    /// OpenAI gpt-oss 120B (open weights, reasoning).
    public static let gptOSS120B: ModelID = "openai/gpt-oss-120b"
    /// OpenAI gpt-oss 20B (open weights, reasoning).
    public static let gptOSS20B: ModelID = "openai/gpt-oss-20b"
    /// DeepSeek R1 (reasoning).
    public static let deepSeekR1: ModelID = "deepseek-ai/DeepSeek-R1"
    /// Qwen 2.5 72B Instruct.
    public static let qwen2_5_72BInstruct: ModelID = "Qwen/Qwen2.5-72B-Instruct"
    /// Qwen 2.5 Coder 32B Instruct.
    public static let qwen2_5Coder32BInstruct: ModelID = "Qwen/Qwen2.5-Coder-32B-Instruct"
    /// Google Gemma 3 27B (instruction-tuned, vision).
    public static let gemma3_27BIt: ModelID = "google/gemma-3-27b-it"
    /// Zephyr 7B beta.
    public static let zephyr7BBeta: ModelID = "HuggingFaceH4/zephyr-7b-beta"

    // MARK: Embeddings and similarity

    /// all-MiniLM-L6-v2: 384 dimensions, fast sentence embeddings.
    public static let allMiniLML6v2: ModelID = "sentence-transformers/all-MiniLM-L6-v2"
    /// all-mpnet-base-v2: 768 dimensions.
    public static let allMpnetBaseV2: ModelID = "sentence-transformers/all-mpnet-base-v2"
    /// BAAI bge-base-en-v1.5: 768 dimensions.
    public static let bgeBaseEnV1_5: ModelID = "BAAI/bge-base-en-v1.5"
    /// Qwen3 Embedding 8B.
    public static let qwen3Embedding8B: ModelID = "Qwen/Qwen3-Embedding-8B"

    // MARK: Vision

    /// ViT base (ImageNet classification).
    public static let vitBasePatch16_224: ModelID = "google/vit-base-patch16-224"
    /// DETR ResNet-50 (object detection).
    public static let detrResNet50: ModelID = "facebook/detr-resnet-50"
    /// BLIP image captioning base.
    public static let blipImageCaptioningBase: ModelID = "Salesforce/blip-image-captioning-base"
    /// CLIP ViT-B/32 (zero-shot image classification).
    public static let clipViTBasePatch32: ModelID = "openai/clip-vit-base-patch32"
    /// FLUX.1 dev (text to image).
    public static let flux1Dev: ModelID = "black-forest-labs/FLUX.1-dev"
    /// FLUX.1 schnell (text to image, fast).
    public static let flux1Schnell: ModelID = "black-forest-labs/FLUX.1-schnell"
    /// Stable Diffusion XL base 1.0 (text to image).
    public static let stableDiffusionXLBase: ModelID = "stabilityai/stable-diffusion-xl-base-1.0"

    // MARK: Audio

    /// Whisper large v3 (speech recognition).
    public static let whisperLargeV3: ModelID = "openai/whisper-large-v3"
    /// Whisper large v3 turbo (speech recognition, faster).
    public static let whisperLargeV3Turbo: ModelID = "openai/whisper-large-v3-turbo"
    /// wav2vec2 base 960h (English speech recognition).
    public static let wav2vec2Base960h: ModelID = "facebook/wav2vec2-base-960h"
}
