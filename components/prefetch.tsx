// A page's first data, rendered on the server: the queries its client components will ask for run
// here, through the same lib/ functions the API routes call (not over HTTP), and reach the
// browser's query cache with the HTML. No request waits for the browser's JavaScript to start.
import { dehydrate, HydrationBoundary, QueryClient, type QueryKey } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { currentUser } from "@/lib/users/current-user";

/** One query as the server answers it: the client hook's key, and its data as the route would send it. */
export type ServerQuery<T = unknown> = { queryKey: QueryKey; queryFn: () => Promise<T> };

/**
 * Runs the signed-in person's queries and hands the answers to the client components below. A query
 * that fails is left out: the client asks for it again and shows the API's error as it always does.
 */
export async function Prefetch({
  queries,
  children,
}: {
  queries: (userId: string) => ServerQuery[];
  children: ReactNode;
}) {
  const user = await currentUser();
  const client = new QueryClient();
  if (user) await Promise.all(queries(user.id).map((query) => client.prefetchQuery(query)));
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
