// Swift cannot call C variadic functions such as curl_easy_setopt or prctl, nor see macros with
// casts, so these typed inline wrappers stand in for them. Nothing else lives here.
#ifndef HF_CCURL_H
#define HF_CCURL_H

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

static inline CURLcode hf_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode hf_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode hf_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode hf_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode hf_easy_setopt_write_function(CURL *handle, curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode hf_easy_setopt_header_function(CURL *handle, curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

static inline CURLcode hf_easy_setopt_read_function(CURL *handle, curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

static inline CURLcode hf_easy_setopt_seek_function(CURL *handle, curl_seek_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_SEEKFUNCTION, callback);
}

static inline int hf_curl_seekfunc_cantseek(void) { return CURL_SEEKFUNC_CANTSEEK; }

static inline CURLcode hf_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode hf_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode hf_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

/// Restricts a transfer, and any redirect it follows, to https, or to http and https.
static inline CURLcode hf_easy_restrict_protocols(CURL *handle, int allow_http) {
#if LIBCURL_VERSION_NUM >= 0x075500
    const char *protocols = allow_http ? "http,https" : "https";
    CURLcode code = curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, protocols);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, protocols);
#else
    long protocols = allow_http ? (CURLPROTO_HTTP | CURLPROTO_HTTPS) : CURLPROTO_HTTPS;
    CURLcode code = curl_easy_setopt(handle, CURLOPT_PROTOCOLS, protocols);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS, protocols);
#endif
}

/// Sets a blob option such as CURLOPT_CAINFO_BLOB; libcurl keeps its own copy of the bytes.
/// Before libcurl 7.77 there are no blob options: CURLE_UNKNOWN_OPTION.
static inline CURLcode hf_easy_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length) {
#if LIBCURL_VERSION_NUM >= 0x074D00
    struct curl_blob blob = { (void *)data, length, CURL_BLOB_COPY };
    return curl_easy_setopt(handle, option, &blob);
#else
    (void)handle; (void)option; (void)data; (void)length;
    return CURLE_UNKNOWN_OPTION;
#endif
}

/// The CA bundle file libcurl was built to use, or NULL when unknown (before libcurl 7.84); the
/// caller frees the copy.
static inline char *hf_default_ca_bundle(void) {
#if LIBCURL_VERSION_NUM >= 0x075400
    CURL *handle = curl_easy_init();
    char *path = NULL;
    if (handle) curl_easy_getinfo(handle, CURLINFO_CAINFO, &path);
    char *result = path ? strdup(path) : NULL;
    if (handle) curl_easy_cleanup(handle);
    return result;
#else
    return NULL;
#endif
}

static inline size_t hf_curl_writefunc_pause(void) { return CURL_WRITEFUNC_PAUSE; }

#ifdef __linux__
#include <sys/prctl.h>
/// Names the calling thread (at most 15 bytes show), for `top -H`, debuggers and tests.
static inline void hf_name_current_thread(const char *name) { prctl(PR_SET_NAME, name, 0, 0, 0); }
#endif

static inline CURLcode hf_curl_msg_result(CURLMsg *message) { return message->data.result; }

#endif
