// The search form: a plain GET to /ui/search, so it works without JavaScript.
export function SearchBox({ value = "" }: { value?: string }) {
  return (
    <form class="inline" action="/ui/search" method="get" role="search">
      <label>Find a kind, resource, short name or group
        <input type="search" name="q" value={value} placeholder="Ingress, ing, cronjobs, policy/v1beta1" required maxlength={200} size={34} />
      </label>
      <button type="submit">Find</button>
    </form>
  );
}
