/* JNI counterpart of the FFM downcall benchmark (benchmarks: org.wwan4j.benchmarks.downcall): one exported function
 * that does nothing but call g_get_monotonic_time(), so the JMH figure is the JNI transition cost plus that call. */
#include <jni.h>
#include <glib.h>

JNIEXPORT jlong JNICALL
Java_org_wwan4j_benchmarks_downcall_JniShim_monotonicTime(JNIEnv *env, jclass cls)
{
    return (jlong) g_get_monotonic_time();
}
