// API groups that are neither built into kube-apiserver nor installed by a CustomResourceDefinition,
// so a check names them for what they are. One row per group, each with its public source.

export interface KnownGroup {
  group: string;
  /** config-file: a file a component reads (never sent to the apiserver); add-on-api: served through an APIService by an add-on. */
  what: "config-file" | "add-on-api";
  /** Who reads or serves it, as a person would say it. */
  by: string;
  /** Public page or repository path that defines the group. */
  source: string;
}

const CONFIG_API_DOCS = "kubernetes.io/docs/reference/config-api/";

export const KNOWN_GROUPS: KnownGroup[] = [
  { group: "audit.k8s.io", what: "config-file", by: "kube-apiserver (--audit-policy-file)", source: `${CONFIG_API_DOCS}apiserver-audit.v1/ "kube-apiserver Audit Configuration (v1)"` },
  { group: "apiserver.config.k8s.io", what: "config-file", by: "kube-apiserver (--admission-control-config-file, --encryption-provider-config, --authentication-config, --authorization-config, --egress-selector-config-file; WebhookAdmission for the admission webhooks)", source: `${CONFIG_API_DOCS}apiserver-config.v1/ "kube-apiserver Configuration (v1)", ${CONFIG_API_DOCS}apiserver-webhookadmission.v1/ "WebhookAdmission Configuration (v1)"` },
  { group: "apiserver.k8s.io", what: "config-file", by: "kube-apiserver (--admission-control-config-file, older releases)", source: "kubernetes/kubernetes staging/src/k8s.io/apiserver/pkg/apis/apiserver (AdmissionConfiguration v1alpha1)" },
  { group: "eventratelimit.admission.k8s.io", what: "config-file", by: "kube-apiserver's EventRateLimit admission plugin", source: `${CONFIG_API_DOCS}apiserver-eventratelimit.v1alpha1/ "Event Rate Limit Configuration (v1alpha1)"` },
  { group: "pod-security.admission.config.k8s.io", what: "config-file", by: "kube-apiserver's PodSecurity admission plugin", source: "kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-admission-controller/ \"Enforce Pod Security Standards by Configuring the Built-in Admission Controller\"" },
  { group: "kubeadm.k8s.io", what: "config-file", by: "kubeadm (--config)", source: `${CONFIG_API_DOCS}kubeadm-config.v1beta4/ "kubeadm Configuration (v1beta4)"` },
  { group: "kubelet.config.k8s.io", what: "config-file", by: "the kubelet (--config, --image-credential-provider-config)", source: `${CONFIG_API_DOCS}kubelet-config.v1beta1/ "Kubelet Configuration (v1beta1)"` },
  { group: "credentialprovider.kubelet.k8s.io", what: "config-file", by: "the kubelet and its image credential provider plugins", source: `${CONFIG_API_DOCS}kubelet-credentialprovider.v1/ "Kubelet CredentialProvider (v1)"` },
  { group: "kubescheduler.config.k8s.io", what: "config-file", by: "kube-scheduler (--config)", source: `${CONFIG_API_DOCS}kube-scheduler-config.v1/ "kube-scheduler Configuration (v1)"` },
  { group: "kubeproxy.config.k8s.io", what: "config-file", by: "kube-proxy (--config)", source: `${CONFIG_API_DOCS}kube-proxy-config.v1alpha1/ "kube-proxy Configuration (v1alpha1)"` },
  { group: "kubecontrollermanager.config.k8s.io", what: "config-file", by: "kube-controller-manager", source: `${CONFIG_API_DOCS}kube-controller-manager-config.v1alpha1/ "kube-controller-manager Configuration (v1alpha1)"` },
  { group: "client.authentication.k8s.io", what: "config-file", by: "kubectl and client-go credential plugins (ExecCredential)", source: `${CONFIG_API_DOCS}client-authentication.v1/ "Client Authentication (v1)"` },
  { group: "kubectl.config.k8s.io", what: "config-file", by: "kubectl (kuberc preferences)", source: "kubernetes.io/docs/reference/kubectl/kuberc/ \"Kubectl user preferences (kuberc)\"" },
  { group: "metrics.k8s.io", what: "add-on-api", by: "metrics-server (kubernetes-sigs/metrics-server)", source: "kubernetes.io/docs/tasks/debug/debug-cluster/resource-metrics-pipeline/ \"Resource metrics pipeline\"; types in kubernetes/metrics pkg/apis/metrics" },
  { group: "custom.metrics.k8s.io", what: "add-on-api", by: "a custom metrics adapter (for example prometheus-adapter)", source: "kubernetes/metrics pkg/apis/custom_metrics; kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/ \"Support for metrics APIs\"" },
  { group: "external.metrics.k8s.io", what: "add-on-api", by: "an external metrics adapter (for example KEDA)", source: "kubernetes/metrics pkg/apis/external_metrics; kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/ \"Support for metrics APIs\"" },
];

export function knownGroup(group: string): KnownGroup | undefined {
  return KNOWN_GROUPS.find((g) => g.group === group);
}
