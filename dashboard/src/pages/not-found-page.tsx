import { InfoIcon } from '../components/icons.tsx';
import { PageMessage } from '../components/page-message.tsx';

export function NotFoundPage() {
  return (
    <PageMessage
      icon={<InfoIcon className="size-6" />}
      title="Page not found"
      description="This address does not match any page of the dashboard."
      backLabel="Go to the overview"
    />
  );
}
